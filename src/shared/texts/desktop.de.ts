import type { Translation } from '../text';
import type { desktopEn } from './desktop.en';

export const desktopDe: Translation<typeof desktopEn> = {
  notALink: (p) =>
    `Dies ist kein Aktivierungslink (ein solcher sieht so aus: ${p.scheme}://activate?key=IHR-SCHLÜSSEL). ` +
    'Bitten Sie den Absender erneut um den Link, oder geben Sie den Schlüssel in der App ein.',
  linkRefused: (p) =>
    `Der Aktivierungslink ${p.problem} Bitten Sie den Absender erneut um den Link, oder geben Sie den Schlüssel in der App ein.`,
  linkWithoutKey: () => 'enthält keinen Lizenzschlüssel.',
  linkExtraFields: () => 'enthält mehr als einen Schlüssel und ein Profil.',
  linkFieldTwice: (p) => `enthält das Feld „${p.field}“ zweimal.`,
  linkGarbled: () => 'ist beschädigt (eine ungültige %-Kodierung).',
  linkUnusableKey: () =>
    'enthält keinen verwendbaren Lizenzschlüssel (er ist leer, zu lang oder enthält Zeichen, die in keinem Schlüssel vorkommen).',
  linkNoKeyProfile: () =>
    'ist für einen Lizenzschlüssel bestimmt, aber in dieser App wird nichts mit einem Lizenzschlüssel aktiviert.',
  linkUnknownProduct: () => 'nennt ein Produkt, das diese App nicht kennt.',
  linkProductWithoutKey: () =>
    'nennt ein Produkt, das nicht mit einem Lizenzschlüssel aktiviert wird.',
  linkTooLong: () => 'ist viel länger, als ein Aktivierungslink sein kann.',

  startAtLoginNotHere: () =>
    '„Beim Anmelden starten“ ist eine Einstellung der installierten Desktop-App; ändern Sie sie dort. ' +
    'Diese Browseransicht und die Befehlszeile können die App nicht beim Betriebssystem eintragen.',
  startAtLoginFailed: (p) =>
    `„Beim Anmelden starten“ konnte nicht ${p.enabled ? 'eingeschaltet' : 'ausgeschaltet'} werden: ${p.file} konnte nicht ${
      p.enabled ? 'geschrieben' : 'entfernt'
    } werden (${p.code}). Prüfen Sie, ob der Ordner Ihnen gehört und beschreibbar ist, und versuchen Sie es dann erneut.`,
};
