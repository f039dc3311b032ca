import { join } from 'node:path';
import { createHubStore } from '../../src/main/hubs/hub-store';
import type { HubDocument } from '../../src/main/hubs/hub-records';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import type { PersistedState, StateStore } from '../../src/main/store/persisted-state';
import type { Wording } from '../../src/shared/text';

/**
 * The documents of the kill-loop test and the real stores that write and load them. Version `n`
 * of each document is a pure function of `n`, so after a kill the parent can tell exactly which
 * version a file holds, and a torn or mixed file equals none of them. Lengths vary with `n`, so
 * consecutive versions also differ in size. The child writes through `write`, the parent checks
 * through `load`, each time with a fresh store, as a new start of the app would.
 */

const BASE_MS = 1_700_000_000_000;
const CLIENT_ID = '3f2b8c1e-5d4a-4e7b-9c2d-1a2b3c4d5e6f';
const hubId = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

export function stateVersion(n: number): PersistedState {
  const licences: PersistedState['licences'] = {};
  for (let i = 0; i <= n % 4; i += 1) {
    licences[`crash-${i}`] = {
      licenseId: `lic${n}`,
      mode: 'floating',
      status: 'active',
      keyLabel: `K${'•'.repeat(n % 257)}`,
      activeClients: i,
      maxClients: 5,
      activatedAt: BASE_MS,
      lastCheckedAt: BASE_MS + n,
    };
  }
  return {
    ...{ version: 1, clientId: CLIENT_ID, licences },
    ...{ leases: {}, licenseSpring: {}, licenceFiles: {} },
  };
}

export function hubsVersion(n: number): HubDocument {
  return {
    version: 1,
    hubs: Array.from({ length: 1 + (n % 3) }, (_, i) => ({
      id: hubId(i),
      name: `Hub ${i}`,
      site: 'S'.repeat(n % 199),
      scheme: 'https' as const,
      host: `hub-${i}.example`,
      port: 443,
      basePath: '',
      hid: '00A1F3',
      lan: false,
      username: 'admin',
      hasPassword: false,
      lastRefreshAt: BASE_MS + n,
    })),
  };
}

/** What a fresh start of the app finds in one document. */
export interface Loaded {
  readonly version: number;
  readonly document: unknown;
  readonly recovery: Wording | undefined;
}

/** One document under test: how the child writes version n, how a new start loads it. */
export interface CrashSubject {
  /** One letter, used in the child's acknowledgements (`s12`). */
  readonly tag: string;
  readonly name: string;
  /** The document's path; its lock and temp files sit next to it. */
  readonly file: string;
  expected(n: number): unknown;
  load(): Loaded;
  /** A writer for the child: keeps one store open, as the running app does. */
  writer(): (n: number) => void;
}

const stateSubject = (
  tag: string,
  name: string,
  file: string,
  open: () => StateStore,
): CrashSubject => ({
  tag,
  name,
  file,
  expected: stateVersion,
  load: () => {
    const store = open();
    const document = store.load();
    const version = (document.licences['crash-0']?.lastCheckedAt ?? NaN) - BASE_MS;
    return { version, document, recovery: store.recovery };
  },
  writer: () => {
    const store = open();
    return (n) => void store.update((current) => Object.assign(current, stateVersion(n)));
  },
});

/** The CLI's and browser host's state file, and the hub inventory (both locked-json-file). */
export function fileSubjects(dir: string): CrashSubject[] {
  const stateFile = join(dir, 'state.json');
  const hubsFile = join(dir, 'hubs.json');
  const hubs: CrashSubject = {
    tag: 'h',
    name: 'hub inventory',
    file: hubsFile,
    expected: (n) => hubsVersion(n).hubs,
    load: () => {
      const store = createHubStore(hubsFile, Date.now);
      const document = store.records();
      const version = (document[0]?.lastRefreshAt ?? NaN) - BASE_MS;
      return { version, document, recovery: store.recovery };
    },
    writer: () => {
      const store = createHubStore(hubsFile, Date.now);
      return (n) => store.mutate((current) => void (current.hubs = hubsVersion(n).hubs));
    },
  };
  const state = stateSubject('s', 'licence state', stateFile, () =>
    createFileStateStore(stateFile),
  );
  return [state, hubs];
}

/**
 * The desktop app's state file (electron-store, written by `conf` through `atomically`). Loaded
 * on demand: it pulls in electron-store, which the lighter file-store child does not need.
 */
export async function electronSubjects(dir: string): Promise<CrashSubject[]> {
  const { createElectronStores } = await import('../../src/main/shell/electron-stores');
  return [
    stateSubject(
      'e',
      'app state (electron-store)',
      join(dir, 'state.json'),
      () => createElectronStores(dir).state,
    ),
  ];
}
