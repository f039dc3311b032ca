import type { Translation } from '../text';
import type { flecsEn } from './flecs.en';

export const flecsDe: Translation<typeof flecsEn> = {
  requestInvalid: () => 'Laut FLECS-Konsole ist die Anfrage ungültig.',
  signInRefused: (p) => `Die FLECS-Konsole hat die Anmeldung abgelehnt: „${p.server}“`,
  badCredentials: () =>
    'Die FLECS-Konsole hat diesen Kontonamen und dieses Passwort nicht angenommen. Prüfen Sie beides und versuchen Sie es erneut.',
  signInAgain: () =>
    'Ihre FLECS-Anmeldung ist abgelaufen oder ungültig. Melden Sie sich erneut an.',
  noUserLicence: () =>
    'Ihr FLECS-Konto hat keine unbenutzte Lizenz mehr. Kaufen Sie eine oder wenden Sie sich an Ihren Administrator.',
  keyInUse: () =>
    'Dieser Lizenzschlüssel wird bereits auf einem anderen Gerät verwendet. Verwenden Sie einen anderen Schlüssel oder bitten Sie Ihren Administrator, ihn freizugeben.',
  keyRefused: () =>
    'Die FLECS-Konsole nimmt diesen Lizenzschlüssel nicht an. Prüfen Sie ihn auf Tippfehler.',
  serialRefused: () =>
    'Die FLECS-Konsole nimmt die Seriennummer dieses Geräts nicht an. Melden Sie sich an, um eine Lizenz aus Ihrem FLECS-Konto zu verwenden, oder geben Sie stattdessen einen Lizenzschlüssel ein.',
  deviceUnknown: () => 'Die FLECS-Konsole kennt dieses Gerät nicht mehr. Aktivieren Sie es erneut.',

  noSignInReceived: () =>
    'Die FLECS-Konsole hat Ihre Anmeldung nicht erhalten. Melden Sie sich erneut an.',
  noKeyReceived: () =>
    'Die FLECS-Konsole hat keinen Lizenzschlüssel erhalten. Geben Sie den Schlüssel erneut ein.',
  serialAlone: () =>
    'Die FLECS-Konsole kann dieses Gerät nicht allein über seine Seriennummer aktivieren. Melden Sie sich an, um eine Lizenz aus Ihrem FLECS-Konto zu verwenden, oder geben Sie einen Lizenzschlüssel ein.',
  noSessionReceived: () =>
    'Die FLECS-Konsole hat die Sitzung dieses Geräts nicht erhalten. Aktivieren Sie es erneut.',

  enterAccountName: () => 'Geben Sie Ihren FLECS-Kontonamen ein.',
  enterPassword: () => 'Geben Sie Ihr FLECS-Passwort ein.',
  enterSerial: () => 'Geben Sie die Seriennummer des Geräts ein.',
  accountNameField: () => 'Der FLECS-Kontoname',
  passwordField: () => 'Das FLECS-Passwort',
  serialField: () => 'Die Seriennummer des Geräts',
  controlCharacters: (p) =>
    `${p.field} enthält unsichtbare Steuerzeichen. Geben Sie die Angabe erneut ein.`,
  tooLong: (p, f) =>
    `${p.field} ist länger als ${f.number(p.max)} Zeichen. Prüfen Sie, was eingegeben wurde.`,
  signInDamaged: () => 'Die FLECS-Anmeldung fehlt oder ist beschädigt. Melden Sie sich erneut an.',

  noSerialConfigured: () =>
    'Für die FLECS-Aktivierung ist keine Seriennummer des Geräts konfiguriert.',

  notActivated: () => 'Dieses Gerät ist nicht aktiviert.',
  licenceNotValid: () =>
    'Laut FLECS-Konsole ist die Lizenz dieses Geräts ungültig (sie ist womöglich abgelaufen oder wurde widerrufen). Aktivieren Sie das Gerät erneut, oder wenden Sie sich an Ihren Administrator.',
  sessionRefused: () =>
    'Die FLECS-Konsole erkennt die Sitzung dieses Geräts nicht mehr. Aktivieren Sie das Gerät erneut.',
};
