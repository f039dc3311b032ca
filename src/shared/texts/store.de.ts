import type { Translation } from '../text';
import type { storeEn } from './store.en';

const WEAK_KEYRING =
  'Es wurde kein Schlüsselbund des Betriebssystems gefunden, daher schützt Electron vertrauliche Daten mit einem eingebauten Schlüssel (basic_text): Wer Ihren Profilordner lesen kann, kann sie lesen. Installieren und entsperren Sie den GNOME-Schlüsselbund oder KWallet.';

/**
 * A saved document is named with its article (`licenceState`: „Der gespeicherte Lizenzstatus“),
 * as the subject that opens each sentence about it.
 */
export const storeDe: Translation<typeof storeEn> = {
  keyringUnavailable: () =>
    'Der Schlüsselbund des Betriebssystems ist nicht verfügbar, daher lassen sich vertrauliche Daten nicht sicher speichern. Unter Linux starten Sie in Ihrer Sitzung einen Secret-Service-Anbieter (GNOME-Schlüsselbund oder KWallet) und entsperren ihn; unter macOS und Windows werden der Schlüsselbund und die Anmeldeinformationsverwaltung automatisch verwendet.',
  weakKeyring: () => WEAK_KEYRING,
  weakKeyringRefused: () =>
    `${WEAK_KEYRING} Ihr Anbieter erlaubt nicht, Lizenzen auf diese Weise zu speichern.`,
  secureStorageUnavailable: () =>
    'Auf diesem Computer ist kein sicherer Speicher verfügbar, daher lassen sich Lizenzen nicht sicher aufbewahren.',
  cannotDecrypt: () =>
    'Gespeicherte vertrauliche Daten ließen sich nicht entschlüsseln: Der Schlüsselbund ist vielleicht noch gesperrt, oder er hat sich geändert. Die Daten wurden aufbewahrt; entsperren Sie den Schlüsselbund und versuchen Sie es erneut. Wurde der Schlüsselbund ersetzt, deaktivieren Sie die Lizenz hier und aktivieren Sie sie erneut.',
  secretsDamagedInFile: (p) =>
    `Die in ${p.file} aufbewahrten vertraulichen Daten sind beschädigt (${p.why}); sie wurden unverändert gelassen. Entfernen Sie ${p.file}, um neu zu beginnen (die Passwörter der Hubs müssen dann erneut eingegeben werden).`,
  secretsDamagedInKeychain: (p) =>
    `Die im Schlüsselbund-Eintrag „${p.name}“ aufbewahrten vertraulichen Daten sind beschädigt (${p.why}); sie wurden unverändert gelassen. Entfernen Sie den Schlüsselbund-Eintrag „${p.name}“, um neu zu beginnen (die Passwörter der Hubs müssen dann erneut eingegeben werden).`,
  sealedUnreadable: (p) =>
    `Die versiegelten vertraulichen Daten „${p.name}“ lassen sich nicht öffnen: Ihr Schlüssel fehlt im Schlüsselbund des Betriebssystems, oder die Datei wurde verändert. Entfernen Sie ${p.file}, um neu zu beginnen (die Passwörter der Hubs müssen dann erneut eingegeben werden).`,

  notJson: () => 'kein gültiges JSON',
  unexpectedContent: () => 'unerwarteter Inhalt',
  recovered: (p) =>
    `${p.what} war beschädigt (${p.why}) und wurde nach ${p.aside} verschoben. ` +
    `${p.afterRecovery} Bewahren Sie diese Datei auf: Fehlt etwas, wenden Sie sich an den Support und schicken Sie ihm die Datei.`,
  licenceState: () => 'Der gespeicherte Lizenzstatus',
  licenceStateRecovered: () => 'Die Aktivierungen werden erneut beim Server geprüft.',
  hubInventory: () => 'Die gespeicherte Hub-Liste',
  hubInventoryRecovered: () =>
    'Fügen Sie die Hubs erneut hinzu, oder importieren Sie sie aus einem CSV-Export.',
  sealedFile: (p) => `Die versiegelte Datei mit vertraulichen Daten (${p.name})`,
  sealedFileRecovered: () =>
    'Die darin aufbewahrten vertraulichen Daten (Passwörter der Hubs) müssen erneut eingegeben werden.',
  notRead: (p) =>
    `${p.what} in ${p.file} konnte nicht gelesen werden (${p.code}). Prüfen Sie den freien Speicherplatz und die Zugriffsrechte.`,
  notSaved: (p) =>
    `${p.what} in ${p.file} konnte nicht gespeichert werden (${p.code}). Prüfen Sie den freien Speicherplatz und die Zugriffsrechte.`,
  notMovedAside: (p) =>
    `${p.what} in ${p.file} konnte nicht beiseitegelegt werden (${p.code}). Prüfen Sie den freien Speicherplatz und die Zugriffsrechte.`,
  lockHeld: (p) =>
    `${p.what} in ${p.file} konnte nicht gespeichert werden: Ein anderer license-manager-Prozess hält die Sperre. Versuchen Sie es gleich noch einmal.`,
  appIsRunning: () =>
    'Die App ist auf diesem Computer geöffnet, und nur eines von beiden, die App oder der Befehl, darf die Lizenzen zur selben Zeit ändern. Beenden Sie die App (auch über ihr Symbol im Infobereich), und führen Sie den Befehl dann erneut aus.',

  hostnameFingerprint: () =>
    'Dieser Computer hat keine dauerhafte Geräte-ID (häufig in Containern), daher wird sein Gerätefingerabdruck aus dem Hostnamen abgeleitet. Wird der Computer umbenannt, sehen Lizenzserver einen neuen Computer.',
};
