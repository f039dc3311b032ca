import { messagesOf, plural } from './messages';

/**
 * The diagnostics screen (connection tests, the support bundle, this computer, the configuration,
 * recent events) and the start-at-login setting. English is the source every translation is
 * checked against. What main reports (step details, failures, explanations) arrives as data.
 */
export const diagnosticsEn = {
  title: 'Diagnostics',
  subtitle: 'What support needs to know about this computer and the app’s connections.',
  exportBundle: 'Export support bundle',
  exporting: 'Testing and packing…',
  bundleFailed: 'No support bundle was made',
  bundleSavedTitle: 'Support bundle saved',
  bundleSaved: (fileName: string) => `Support bundle saved as ${fileName}.`,
  bundleSafe: 'It holds no key, token or password; read it before you send it.',
  loading: 'Loading the diagnostics',
  damagedFile: 'A saved file was damaged',
  startupTitle: 'Startup',

  connections: {
    title: 'Connections',
    description:
      'Each test checks, in order, the name lookup (DNS), the connection (TCP), the proxy, the secure connection (TLS) and the server’s answer (HTTP), and names the first that fails.',
    proxy: 'Proxy',
    /** `source` is main's description of where the proxy setting comes from. */
    proxyFrom: 'From {source}',
    /** Under the proxy, in the desktop app, once a proxy asked for Windows sign-in. */
    windowsSignIn: (proxy: string) =>
      `${proxy} asked for Windows sign-in: the app signs in as you through Chromium’s network stack.`,
    caBundle: 'CA bundle',
    certificates: (count: number) => plural(count, '(1 certificate)', `(${count} certificates)`),
    noCaBundle: 'None: the usual trusted CAs',
    /** Under the CA bundle, in the desktop app: the CAs this computer's own store trusts. */
    systemStore: (count: number) =>
      plural(
        count,
        'Also trusted: this computer’s certificate store (1 certificate)',
        `Also trusted: this computer’s certificate store (${count} certificates)`,
      ),
    /** Why the desktop app does not use this computer's certificate store. */
    systemStoreUnused: {
      macos:
        'This computer’s certificate store is not used on macOS (reading it takes seconds there, which the first licensing request would wait): a company CA goes in the CA bundle (caFile).',
      unreadable:
        'This computer’s certificate store could not be read: a company CA goes in the CA bundle (caFile).',
    },
    test: 'Test connection',
    testing: 'Testing…',
    stateTesting: 'Testing',
    stateNotTested: 'Not tested',
    stateOk: 'Connection OK',
    /** `step` is DNS, TCP, PROXY, TLS or HTTP. */
    stateFailedAt: (step: string) => `Failed at ${step}`,
    works: (label: string) => `${label}: the connection works.`,
    failed: (label: string, message: string) => `${label}: ${message}`,
  },

  result: {
    failedTitle: 'The connection failed',
    /** After the server's address; `proxy` is host:port. */
    throughProxy: ' through the proxy {proxy}',
    /** Above the entries of the proxy setting that could not be reached, before the route tested. */
    passedOver:
      'Passed over (could not be reached; the next entry of the proxy setting was tested instead):',
    stepsFor: (url: string) => `Steps for ${url}`,
    steps: { dns: 'DNS', tcp: 'TCP', proxy: 'Proxy', tls: 'TLS', http: 'HTTP' },
    status: { ok: 'OK', failed: 'Failed', skipped: 'Not run' },
    milliseconds: (ms: number) => `${ms} ms`,
  },

  computer: {
    title: 'This computer',
    app: 'App',
    runtime: 'Runtime',
    os: 'Operating system',
    secretsTitle: 'How secrets are kept',
    protection: {
      os: 'Protected by the OS',
      weak: 'Weakly protected',
      unavailable: 'Cannot be stored',
      memory: 'In memory only',
    },
    fingerprint: 'Machine fingerprint',
    machineId: 'OS machine id',
    hostName: 'Host name',
  },

  configuration: {
    title: 'Configuration',
    description: 'Credentials are shown masked, as in the rest of the app.',
    product: 'Product',
    productId: 'Product id',
    demoMode: 'Demo mode',
    weakSecretStore: 'Weak secret store allowed',
    yes: 'Yes',
    no: 'No',
    tableCaption: 'Profiles and their settings',
    profile: 'Profile',
    kind: 'Kind',
    settings: 'Settings',
  },

  log: {
    title: 'Recent events',
    latest: (shown: number, total: number) =>
      `The latest ${shown} of ${total}; the support bundle has them all.`,
    sinceStart: 'Since the app started; keys and tokens are masked.',
    empty: 'Nothing has happened yet.',
    listLabel: 'Recent events, newest first',
    levels: { info: 'info', warn: 'warn', error: 'error' },
  },

  startAtLogin: {
    label: 'Start when I log in',
    unsupported: 'Only the installed desktop app can start at login; change this setting there.',
    help: 'Opens the app when you log in to this computer, so licences and seats are looked after without you starting it.',
    notChanged: 'The setting was not changed',
  },
};

export type DiagnosticsMessages = typeof diagnosticsEn;

/** The diagnostics area's words in the active language. */
export const tDiagnostics = (): DiagnosticsMessages => messagesOf('diagnostics', diagnosticsEn);
