import type { HubsFleetMessages } from './hubs-fleet.en';
import { formatNumber as n, plural } from './messages';

const hubs = (count: number): string => `${n(count)} ${plural(count, 'Hub', 'Hubs')}`;

export const hubsFleetDe: HubsFleetMessages = {
  screen: {
    title: 'MobiusFlow-Hubs',
    subtitle: (hubCount, siteCount, profile) =>
      `${hubs(hubCount)} an ${n(siteCount)} ${plural(siteCount, 'Standort', 'Standorten')} · ${profile}`,
    reloadFailed: 'Die Hubs konnten nicht erneut aufgelistet werden',
    loading: 'Hub-Bestand wird geladen',
    loadFailed: 'Die Hubs konnten nicht aufgelistet werden',
    tryAgain: 'Erneut versuchen',
    emptyTitle: 'Noch keine Hubs im Bestand',
    emptyText:
      'Fügen Sie die Hubs des Standorts einzeln hinzu oder importieren Sie eine Bestands-CSV mit einer Zeile pro Hub. Die App liest die Lizenz jedes Hubs, wenn Sie aktualisieren.',
    addFirst: 'Hub hinzufügen',
    noMatch: (search) => `Keine Hubs passen zu „${search}“.`,
    noMatchIn: (search, filter) => `Keine Hubs passen zu „${search}“ in „${filter}“.`,
    noneIn: (filter) => `Keine Hubs in „${filter}“.`,
  },
  actions: {
    add: 'Hub hinzufügen',
    import: 'CSV importieren…',
    importing: 'Wird importiert…',
    fileInput: 'Bestands-CSV-Datei',
    export: 'CSV exportieren',
    exporting: 'Wird exportiert…',
    report: 'Lizenzbericht',
    preparing: 'Wird erstellt…',
    tooLarge: (fileName, megabytes) =>
      `${fileName} ist ${megabytes} MB groß; eine Bestands-CSV darf höchstens 5 MB groß sein.`,
    unreadable: (fileName) => `${fileName} konnte nicht gelesen werden.`,
  },
  feedback: {
    importFailed: 'Die CSV konnte nicht importiert werden',
    exportFailed: 'Der Bestand konnte nicht exportiert werden',
    reportFailed: 'Der Lizenzbericht konnte nicht erstellt werden',
    importingFile: (fileName, done, total) =>
      `${fileName} wird importiert: ${n(done)} von ${n(total)} ${plural(total, 'Zeile', 'Zeilen')}…`,
    importingLabel: (fileName) => `${fileName} wird importiert`,
    result: 'Importergebnis',
    importedPart: (fileName) => `${fileName} teilweise importiert`,
    imported: (fileName) => `${fileName} importiert`,
    dismiss: 'Ausblenden',
    stopped: (reason) =>
      `Danach wurde der Import abgebrochen: ${reason} Importieren Sie die Datei erneut, um ihn abzuschließen; bereits importierte Hubs werden aktualisiert, nicht doppelt hinzugefügt.`,
    rejected: (lines) =>
      `${n(lines)} ${plural(lines, 'abgelehnte Zeile', 'abgelehnte Zeilen')}: Korrigieren Sie sie in der Datei und importieren Sie sie erneut`,
    line: (line) => `Zeile ${line}`,
  },
  refresh: {
    region: 'Hub-Bestand aktualisieren',
    refreshAll: 'Alle aktualisieren',
    refreshing: 'Wird aktualisiert…',
    atOnce: 'Gleichzeitig',
    atOnceHelp: 'Wie viele Hubs gleichzeitig abgefragt werden.',
    hintOne: (atOnce) => `Liest die Lizenz des Hubs, ${atOnce} gleichzeitig.`,
    hintAll: (hubCount, atOnce) =>
      `Liest die Lizenz aller ${hubs(hubCount)}, ${atOnce} gleichzeitig.`,
    failed: 'Der Hub-Bestand konnte nicht aktualisiert werden',
    progress: 'Fortschritt der Aktualisierung',
    finished: 'Abgeschlossen',
  },
  filters: {
    group: 'Hubs anzeigen',
    search: 'Hubs nach Name, Standort, HID oder Host durchsuchen',
    searchPlaceholder: 'Name, Standort, HID oder Host suchen',
  },
  table: {
    label: (shown, total) => `Hubs, ${n(shown)} von ${n(total)} angezeigt`,
    sortBy: (column, by) => `${column}, nach ${by} sortieren`,
    columns: {
      hub: { label: 'Hub', sortLabel: 'Hub-Name und Standort' },
      hid: { label: 'HID', sortLabel: 'Hub-ID' },
      host: { label: 'Host', sortLabel: 'Hostname' },
      type: { label: 'Lizenz', sortLabel: 'Lizenztyp' },
      valid: { label: 'Gültig', sortLabel: 'Gültigkeit' },
      active: { label: 'Aktiv', sortLabel: 'Aktivität' },
      usage: { label: 'Nutzung', sortLabel: 'Nutzung' },
      refreshed: { label: 'Abfrage', sortLabel: 'letzter Abfrage' },
      error: { label: 'Fehler', sortLabel: 'Fehler' },
    },
    noSite: 'Kein Standort',
    lan: 'LAN',
    never: 'Nie',
    usageOf: (hubName) => `Lizenznutzung von ${hubName}`,
  },
  announce: {
    refreshing: (hubCount) =>
      `${hubs(hubCount)} ${plural(hubCount, 'wird', 'werden')} aktualisiert…`,
    importing: 'Die CSV wird importiert…',
    added: (name) => `${name} hinzugefügt.`,
    exported: 'Bestands-CSV heruntergeladen.',
    reported: 'Lizenzbericht heruntergeladen.',
    theHub: 'Der Hub',
    failed: (name, error) => `${name}: ${error}.`,
    refreshed: (name) => `${name} aktualisiert.`,
    saved: (name) => `${name} gespeichert.`,
    removed: (name) => `${name} entfernt.`,
    trusted: (name) => `Zertifikat von ${name} als vertrauenswürdig bestätigt.`,
    codeReplaced: (name, code) => `Lizenzcode von ${name} ersetzt; jetzt ${code}.`,
  },
};
