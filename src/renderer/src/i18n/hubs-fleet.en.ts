import { formatNumber as n, plural } from './messages';

const hubs = (count: number): string => `${n(count)} ${plural(count, 'hub', 'hubs')}`;

/**
 * The hubs screen around the table: header, inventory actions and their outcomes, the refresh
 * bar, the filter chips, the fleet table and the live region's announcements. English is the source.
 */
export const hubsFleetEn = {
  screen: {
    title: 'MobiusFlow hubs',
    subtitle: (hubCount: number, siteCount: number, profile: string) =>
      `${hubs(hubCount)} on ${n(siteCount)} ${plural(siteCount, 'site', 'sites')} · ${profile}`,
    reloadFailed: "Couldn't list the hubs again",
    loading: 'Loading the hub inventory',
    loadFailed: "Couldn't list the hubs",
    tryAgain: 'Try again',
    emptyTitle: 'No hubs in the inventory yet',
    emptyText:
      "Add the site's hubs one by one, or import an inventory CSV with a line per hub. The app reads each hub's licence when you refresh.",
    addFirst: 'Add a hub',
    noMatch: (search: string) => `No hubs match “${search}”.`,
    noMatchIn: (search: string, filter: string) => `No hubs match “${search}” in ${filter}.`,
    noneIn: (filter: string) => `No hubs in ${filter}.`,
  },
  actions: {
    add: 'Add hub',
    import: 'Import CSV…',
    importing: 'Importing…',
    fileInput: 'Inventory CSV file',
    export: 'Export CSV',
    exporting: 'Exporting…',
    report: 'Licence report',
    preparing: 'Preparing…',
    tooLarge: (fileName: string, megabytes: string) =>
      `${fileName} is ${megabytes} MB; an inventory CSV can be at most 5 MB.`,
    unreadable: (fileName: string) => `${fileName} could not be read.`,
  },
  feedback: {
    importFailed: "Couldn't import the CSV",
    exportFailed: "Couldn't export the inventory",
    reportFailed: "Couldn't prepare the licence report",
    importingFile: (fileName: string, done: number, total: number) =>
      `Importing ${fileName}: ${n(done)} of ${n(total)} ${plural(total, 'line', 'lines')}…`,
    importingLabel: (fileName: string) => `Importing ${fileName}`,
    result: 'Import result',
    importedPart: (fileName: string) => `Imported part of ${fileName}`,
    imported: (fileName: string) => `Imported ${fileName}`,
    dismiss: 'Dismiss',
    stopped: (reason: string) =>
      `Then the import stopped: ${reason} Import the file again to finish; hubs already imported are updated, not added twice.`,
    rejected: (lines: number) =>
      `${n(lines)} ${plural(lines, 'rejected line', 'rejected lines')}: fix them in the file and import it again`,
    line: (line: number) => `Line ${line}`,
  },
  refresh: {
    region: 'Refresh the fleet',
    refreshAll: 'Refresh all',
    refreshing: 'Refreshing…',
    atOnce: 'At once',
    atOnceHelp: 'How many hubs are asked at the same time.',
    hintOne: (atOnce: number) => `Reads the licence of the hub, ${atOnce} at a time.`,
    hintAll: (hubCount: number, atOnce: number) =>
      `Reads the licence of all ${hubs(hubCount)}, ${atOnce} at a time.`,
    failed: "Couldn't refresh the fleet",
    progress: 'Refresh progress',
    finished: 'Finished',
  },
  filters: {
    group: 'Show hubs',
    search: 'Search hubs by name, site, HID or host',
    searchPlaceholder: 'Search name, site, HID or host',
  },
  table: {
    label: (shown: number, total: number) => `Hubs, ${n(shown)} of ${n(total)} shown`,
    sortBy: (column: string, by: string) => `${column}, sort by ${by}`,
    columns: {
      hub: { label: 'Hub', sortLabel: 'hub name and site' },
      hid: { label: 'HID', sortLabel: 'hub id' },
      host: { label: 'Host', sortLabel: 'host' },
      type: { label: 'Licence', sortLabel: 'licence type' },
      valid: { label: 'Valid', sortLabel: 'validity' },
      active: { label: 'Active', sortLabel: 'activity' },
      usage: { label: 'Usage', sortLabel: 'usage' },
      refreshed: { label: 'Refreshed', sortLabel: 'last refresh' },
      error: { label: 'Error', sortLabel: 'error' },
    },
    noSite: 'No site',
    lan: 'LAN',
    never: 'Never',
    usageOf: (hubName: string) => `Licence usage of ${hubName}`,
  },
  announce: {
    refreshing: (hubCount: number) => `Refreshing ${hubs(hubCount)}…`,
    importing: 'Importing the CSV…',
    added: (name: string) => `${name} added.`,
    exported: 'Inventory CSV downloaded.',
    reported: 'Licence report downloaded.',
    theHub: 'The hub',
    failed: (name: string, error: string) => `${name}: ${error}.`,
    refreshed: (name: string) => `${name} refreshed.`,
    saved: (name: string) => `${name} saved.`,
    removed: (name: string) => `${name} removed.`,
    trusted: (name: string) => `Certificate of ${name} trusted.`,
    codeReplaced: (name: string, code: string) => `Licence code of ${name} replaced; now ${code}.`,
  },
};

export type HubsFleetMessages = typeof hubsFleetEn;
