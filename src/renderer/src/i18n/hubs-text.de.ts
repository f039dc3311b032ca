import type { HubsTextMessages } from './hubs-text.en';
import { formatNumber as n, plural } from './messages';

export const hubsTextDe: HubsTextMessages = {
  usage: {
    objects: (used, size) => `${n(used)} von ${n(size)} Objekten`,
    points: (used, size) => `${n(used)} von ${n(size)} Datenpunkten`,
    sizeObjects: (size) => `${n(size)} ${plural(size, 'Objekt', 'Objekte')}`,
    sizePoints: (size) => `${n(size)} ${plural(size, 'Datenpunkt', 'Datenpunkte')}`,
    summaryObjects: (type, size) => `${type}, ${n(size)} ${plural(size, 'Objekt', 'Objekte')}`,
    summaryPoints: (type, size) =>
      `${type}, ${n(size)} ${plural(size, 'Datenpunkt', 'Datenpunkte')}`,
    pointsPerObject: (points) =>
      `${n(points)} ${plural(points, 'Datenpunkt', 'Datenpunkte')} pro Objekt`,
    objectCount: (objects) => `${n(objects)} ${plural(objects, 'Objekt', 'Objekte')}`,
    pointCount: (points) => `${n(points)} ${plural(points, 'Datenpunkt', 'Datenpunkte')}`,
    customPointsMap: 'eigene Datenpunktzuordnung',
  },
  state: {
    notRead: 'Ungelesen',
    valid: 'Gültig',
    invalid: 'Ungültig',
    active: 'Aktiv',
    inactive: 'Inaktiv',
  },
  concern: {
    notValid: 'Der Hub meldet diese Lizenz als ungültig.',
    notActive: 'Die Lizenz ist nicht aktiv.',
    overLimit: (usage) => `Der Hub nutzt mehr, als die Lizenz erlaubt: ${usage}.`,
    nearlyFull: (usage) => `Über 90 % genutzt: ${usage}.`,
  },
  error: {
    offline: 'Nicht erreichbar',
    timeout: 'Keine Antwort',
    signInRefused: 'Anmeldung abgelehnt',
    serverError: 'Hub-Fehler',
    protocol: 'Ungültige Antwort',
    tampered: 'Zertifikat weicht ab',
    rateLimited: 'Zu viele Anfragen',
    invalidInput: 'Anfrage abgelehnt',
    invalidKey: 'Code nicht erkannt',
    config: 'Hub-Einstellungen prüfen',
    secretStore: 'Passwort nicht verfügbar',
    storage: 'Problem mit lokalem Speicher',
    licence: 'Lizenzproblem',
    internal: 'App-Fehler',
  },
  filter: {
    all: 'Alle',
    invalid: 'Ungültig',
    inactive: 'Inaktiv',
    nearlyFull: 'Über 90 % genutzt',
    unreachable: 'Nicht erreichbar',
    errors: 'Fehler',
  },
  progress: {
    running: (done, total) => `${n(done)} von ${n(total)} ${plural(total, 'Hub', 'Hubs')}`,
    runningWithFailures: (done, total, failed) =>
      `${n(done)} von ${n(total)} ${plural(total, 'Hub', 'Hubs')} · ${n(failed)} fehlgeschlagen`,
    refreshed: (total, answered) =>
      `${n(total)} ${plural(total, 'Hub', 'Hubs')} aktualisiert: ${n(answered)} ${plural(answered, 'Antwort', 'Antworten')}.`,
    refreshedWithFailures: (total, answered, failed) =>
      `${n(total)} ${plural(total, 'Hub', 'Hubs')} aktualisiert: ${n(answered)} ${plural(answered, 'Antwort', 'Antworten')}, ${n(failed)} fehlgeschlagen.`,
  },
  imported: {
    changed: (added, updated) =>
      `${n(added)} ${plural(added, 'Hub', 'Hubs')} hinzugefügt und ${n(updated)} aktualisiert.`,
    rejected: (lines) =>
      plural(
        lines,
        `${n(lines)} Zeile wurde nicht importiert.`,
        `${n(lines)} Zeilen wurden nicht importiert.`,
      ),
  },
  code: {
    missing: 'Geben Sie den neuen Lizenzcode ein.',
    tooLong: 'Ein Lizenzcode hat höchstens 1.000 Zeichen.',
    shape:
      'Ein Lizenzcode besteht aus Gruppen hexadezimaler Ziffern (0–9, a–f), durch Bindestriche verbunden.',
  },
  form: {
    port: 'Ein Port ist eine ganze Zahl von 1 bis 65535.',
    passwordMissing: 'Geben Sie das Passwort des Hub-Kontos ein.',
    httpOffLan:
      'Unverschlüsseltes http ist nur für einen Hub im Standort-LAN erlaubt: Aktivieren Sie „Im Standort-LAN“ oder verwenden Sie https.',
  },
};
