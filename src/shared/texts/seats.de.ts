import type { Translation } from '../text';
import type { seatsEn } from './seats.en';

export const seatsDe: Translation<typeof seatsEn> = {
  apiKeyRefused: () =>
    'Der Lizenzserver hat den API-Schlüssel dieser Anwendung abgelehnt. Die Konfiguration des Anbieters ist womöglich veraltet.',
  requestInvalid: () => 'Laut Lizenzserver ist die Anfrage ungültig.',
  noLongerAccepted: () =>
    'Der Lizenzserver akzeptiert diese Lizenz auf diesem Computer nicht mehr. Aktivieren Sie sie erneut, oder fragen Sie Ihren Administrator, ob sie noch gültig ist.',
  keyNotAccepted: () =>
    'Der Lizenzserver hat diesen Lizenzschlüssel nicht angenommen. Prüfen Sie ihn auf Tippfehler, oder fragen Sie Ihren Administrator, ob er noch gültig ist.',
  keyUnknown: () =>
    'Dieser Lizenzschlüssel ist dem Lizenzserver nicht bekannt. Prüfen Sie ihn auf Tippfehler.',
  revoked: () =>
    'Diese Lizenz wurde widerrufen. Wenden Sie sich an Ihren Administrator oder an den Anbieter.',
  expired: () =>
    'Diese Lizenz ist abgelaufen. Verlängern Sie sie beim Anbieter und versuchen Sie es dann erneut.',
  tampered: () =>
    'Laut Lizenzserver wurde diese Lizenz verändert und passt nicht mehr zu ihrer Signatur. Wenden Sie sich an den Anbieter.',
  seatGone: () =>
    'Der Lizenzserver hält diesen Lizenzplatz nicht mehr bereit (die Belegung ist abgelaufen oder wurde zurückgenommen). Fordern Sie erneut einen Lizenzplatz an.',
  notActivatedHere: () =>
    'Diese Lizenz ist auf diesem Computer nicht aktiviert. Aktivieren Sie sie zuerst.',
  seatsInUse: (p, f) =>
    `${p.max === 1 ? 'Der einzige Lizenzplatz dieser Lizenz ist belegt' : `Alle ${p.max ? `${f.number(p.max)} ` : ''}Lizenzplätze sind belegt`}. Versuchen Sie es erneut, sobald jemand einen freigibt, oder bitten Sie Ihren Administrator um weitere Lizenzplätze.`,
  activationsInUse: (p, f) =>
    `${p.max === 1 ? 'Die einzige Aktivierung dieser Lizenz ist vergeben' : `Alle ${p.max ? `${f.number(p.max)} ` : ''}Aktivierungen dieser Lizenz sind vergeben`}: Deaktivieren Sie die Lizenz zuerst auf einem anderen Computer.`,
  noSeatToken: (p) =>
    `Der Lizenzserver unter ${p.host} hat einen Lizenzplatz vergeben, aber kein Token dafür gesendet. Versuchen Sie es erneut; wenn das Problem bleibt, wenden Sie sich an den Anbieter.`,
  keyOnly: () => 'Dieser Lizenzserver aktiviert nur mit einem Lizenzschlüssel.',
  keyMissing: () =>
    'Der Lizenzschlüssel dieser Aktivierung fehlt. Aktivieren Sie die Lizenz erneut.',
  noToken: () => 'Dieser Lizenzplatz hat kein Token. Fordern Sie erneut einen Lizenzplatz an.',
};
