import type { Translation } from '../text';
import { issueLines, type configEn } from './config.en';

export const configDe: Translation<typeof configEn> = {
  fileMissing: (p) =>
    `Die Konfigurationsdatei ${p.file} kann nicht verwendet werden: Sie existiert nicht.`,
  fileUnreadable: (p) =>
    `Die Konfigurationsdatei ${p.file} kann nicht verwendet werden: Sie lässt sich nicht lesen (${p.code}).`,
  fileTooLarge: (p) =>
    `Die Konfigurationsdatei ${p.file} ist größer als 256 KB und kann keine Konfiguration sein.`,
  notJson: (p, f) =>
    `Die Konfigurationsdatei ${p.file} ist kein gültiges JSON${p.line === undefined ? '' : ` (Zeile ${f.number(p.line)})`}.`,
  notValid: (p) =>
    `Die Konfigurationsdatei ${p.file} ist ungültig:\n${issueLines(p, '(oberste Ebene)')}`,

  profileIdChars: () => 'verwenden Sie Kleinbuchstaben, Ziffern, - und _ (höchstens 64)',
  codeChars: () => 'verwenden Sie Buchstaben, Ziffern, . _ - (3 bis 100)',
  fullUrl: () => 'muss eine vollständige URL sein, etwa https://licensing.example.com:5455',
  startHttps: () => 'muss mit https:// beginnen',
  useHttps: () =>
    'muss https:// verwenden (einfaches http:// ist nur für 127.0.0.1 und localhost erlaubt)',
  seatsApiKeyRequired: () =>
    'der API-Schlüssel des Babel Licensing Service (x-api-key) ist erforderlich',
  printableOnly: () => 'nur druckbare Zeichen',
  publicKeyPem: () =>
    'muss der PEM-Text des öffentlichen Schlüssels sein, von -----BEGIN PUBLIC KEY----- bis -----END PUBLIC KEY-----',
  productCodeRequired: () => 'der Kurzcode des Produkts ist erforderlich',
  licenseSpringApiKeyRequired: () => 'der API-Schlüssel von LicenseSpring ist erforderlich',
  licenseSpringSharedKeyRequired: () =>
    'der gemeinsame Schlüssel (Shared Key) von LicenseSpring ist erforderlich',
  duplicateProfileId: (p) => `die Profil-ID „${p.id}“ kommt zweimal vor; IDs müssen eindeutig sein`,
  addProfile: () => 'fügen Sie mindestens ein Profil hinzu, oder setzen Sie "demo": true',
  logoExtension: () => 'muss eine .png- oder .svg-Datei nennen, etwa "logo.svg"',
  logoInsideFolder: () =>
    'muss ein Pfad relativ zur Konfigurationsdatei und innerhalb ihres Ordners sein, etwa "logo.svg" oder "branding/logo.png" (kein absoluter Pfad, keine URL, kein "..")',
  accentColour: () => 'muss eine Farbe in der Form #rrggbb sein, etwa "#0a7d5a"',
  supportEmail: () => 'muss eine E-Mail-Adresse sein, etwa "support@acme.example"',
  supportUrl: () => 'muss eine https://-Adresse sein, etwa "https://acme.example/support"',
  supportEmailOrUrl: () => 'geben Sie "email", "url" oder beides an',
  screenIds: (p) => `verwenden Sie eine dieser IDs: ${p.ids}`,
  screensEmpty: (p) =>
    `nennen Sie mindestens einen Bildschirm (eine dieser IDs: ${p.ids}), oder lassen Sie "screens" weg, um alle zu zeigen`,
  screensTwice: () => 'nennen Sie jeden Bildschirm nur einmal',
  screenMissing: (p) =>
    `das Profil „${p.id}“ (${p.kind}) wird auf dem Bildschirm „${p.screen}“ verwendet: Fügen Sie "${p.screen}" hinzu, oder entfernen Sie das Profil`,
  lockedField: (p) =>
    `das legt die Konfiguration des Anbieters fest, eine Benutzerkonfiguration kann es nicht ändern; entfernen Sie ${p.field} aus der Benutzerkonfiguration`,
  productIdNotAppId: (p) =>
    `„${p.productId}“ kann keine installierte App benennen; verwenden Sie eine ID in umgekehrter DNS-Schreibweise wie com.example.licensing (Buchstaben, Ziffern und -, Teile durch einzelne Punkte getrennt).`,
  logoNotImage: (p) =>
    `${p.file} ist kein PNG- oder SVG-Bild; exportieren Sie das Logo als PNG oder SVG`,
  logoHoldsPng: (p) => `${p.file} enthält ein PNG-Bild; geben Sie der Datei die passende Endung`,
  logoHoldsSvg: (p) => `${p.file} enthält ein SVG-Bild; geben Sie der Datei die passende Endung`,
  logoUnreadable: (p) =>
    `die Datei ${p.file} lässt sich nicht lesen; legen Sie das Logo neben die Konfigurationsdatei, oder korrigieren Sie den Pfad (er ist relativ zur Konfigurationsdatei)`,
  logoTooLarge: (p, f) =>
    `${p.file} ist ${f.number(p.kilobytes)} KB groß; ein Logo darf höchstens ${f.number(p.maxKilobytes)} KB groß sein (exportieren Sie es kleiner oder als SVG)`,

  notProfileOfKind: (p) => `„${p.profileId}“ ist kein Profil vom Typ ${p.kind}.`,
  noProfileToTest: (p) => `Es gibt kein Profil „${p.profileId}“, das getestet werden könnte.`,
  noProfiles: () =>
    'Es sind keine Lizenzprofile konfiguriert. Starten Sie die Sandbox mit `license-manager sandbox` und übergeben Sie die Konfigurationsdatei, die sie ausgibt, mit --config, oder verwenden Sie die Konfiguration Ihres Anbieters.',
};
