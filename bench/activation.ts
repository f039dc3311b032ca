import type { VendorConfig } from '../src/main/config/vendor-config';
import type { Core } from '../src/main/core';
import { demoConfigFor, hubInventoryCsv } from '../src/main/demo-mode';
import { createMemorySecretStore, type SecretStore } from '../src/main/store/secret-store';
import { startSandboxes, type SandboxSet } from '../src/sandbox';
import { openBenchCore } from './bench-core';
import { median, time, type Row } from './measure';
import { replay, startRecorder, type RecordedRequest, type Recorder } from './recorder';

const WARM_UP = 15;
const RUNS = 60;
/** A site network's latency, added by the proxy to every request on both sides. */
const NETWORK_MS = 20;
const NETWORK_RUNS = 10;

/** One backend's activation, and the step that undoes it so the next one does the same work. */
interface Scenario {
  readonly name: string;
  readonly origin: (set: SandboxSet) => string;
  readonly prepare?: (core: Core, set: SandboxSet) => Promise<void>;
  readonly activate: (core: Core, set: SandboxSet) => Promise<unknown>;
  readonly undo: (core: Core, set: SandboxSet) => Promise<unknown>;
}

const firstHub = (core: Core): string => {
  const hub = core.hubs.list().hubs[0];
  if (!hub) throw new Error('the hub inventory is empty');
  return hub.id;
};
const spareCode = (set: SandboxSet, index: number): string => {
  const code = set.servers.mobiusflow.spareCodes[index];
  if (!code) throw new Error('the MobiusFlow sandbox has no spare codes');
  return code;
};

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'floating seats (Babel), key activation',
    origin: (set) => set.servers.seats.url,
    activate: (core, set) =>
      core.service.activate('seats', { method: 'key', key: set.demo.seats.activationKey }),
    undo: (core) => core.service.deactivate('seats'),
  },
  {
    name: 'FLECS, key activation (device already known)',
    origin: (set) => set.servers.flecs.url,
    activate: (core, set) =>
      core.service.activate('flecs', { method: 'key', key: set.demo.flecs.licenseKey }),
    undo: (core) => core.service.deactivate('flecs'),
  },
  {
    name: 'Eniris, account sign-in',
    origin: (set) => set.servers.eniris.authUrl,
    activate: (core, set) =>
      core.eniris.signIn('eniris', set.demo.eniris.username, set.demo.eniris.password),
    undo: (core) => core.eniris.signOut('eniris'),
  },
  {
    name: 'LicenseSpring, key activation (signed, verified)',
    origin: (set) => set.servers.licensespring.url,
    activate: (core, set) =>
      core.service.activate('licensespring', {
        method: 'key',
        key: set.demo.licensespring.nodeLockedKey,
      }),
    undo: (core) => core.service.deactivate('licensespring'),
  },
  {
    name: 'MobiusFlow hub, licence code applied',
    origin: (set) => set.servers.mobiusflow.url,
    prepare: async (core, set) => {
      await core.hubs.importCsv(hubInventoryCsv(set.servers.mobiusflow.hubs.slice(0, 1)));
    },
    activate: (core, set) => core.hubs.setCode(firstHub(core), spareCode(set, 0)),
    undo: (core, set) => core.hubs.setCode(firstHub(core), spareCode(set, 1)),
  },
];

/** The sandbox set as the client sees it when every server is reached through a recorder. */
function throughRecorders(set: SandboxSet, recorders: Map<string, Recorder>): SandboxSet {
  const via = (url: string): string => {
    const recorder = recorders.get(new URL(url).origin);
    if (!recorder) throw new Error(`no recorder for ${url}`);
    return new URL(new URL(url).pathname + new URL(url).search, recorder.url).href.replace(
      /\/$/,
      '',
    );
  };
  const { servers } = set;
  return {
    ...set,
    servers: {
      ...servers,
      seats: { ...servers.seats, url: via(servers.seats.url) },
      flecs: { url: via(servers.flecs.url) },
      eniris: { authUrl: via(servers.eniris.authUrl), apiUrl: via(servers.eniris.apiUrl) },
      licensespring: { ...servers.licensespring, url: via(servers.licensespring.url) },
      mobiusflow: {
        ...servers.mobiusflow,
        url: via(servers.mobiusflow.url),
        hubs: servers.mobiusflow.hubs.map((hub) => ({ ...hub, baseUrl: via(hub.baseUrl) })),
      },
    },
  };
}

// One data folder for both cores: the recording core and the timed one are the same install.
const openCore = (dir: string, config: VendorConfig, secrets: SecretStore): Promise<Core> =>
  openBenchCore(dir, 'activation', { config, secrets, keepAlive: false });

interface Recorded {
  readonly activate: RecordedRequest[];
  readonly undo: RecordedRequest[];
}

/**
 * Medians of one scenario: the activation through `core` against a bare replay of the recorded
 * requests to `target`, each followed by its undo so every run does the same server work.
 */
async function compare(
  scenario: Scenario,
  core: Core,
  set: SandboxSet,
  target: string,
  requests: Recorded,
  runs: number,
): Promise<{ ours: number; bare: number; differing: number }> {
  let differing = 0;
  const ours: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < WARM_UP + runs; run += 1) {
    const oursMs = await time(() => scenario.activate(core, set));
    await scenario.undo(core, set);
    let bareDiffering = 0;
    const bareMs = await time(async () => {
      bareDiffering = await replay(target, requests.activate);
    });
    await replay(target, requests.undo);
    if (run < WARM_UP) continue;
    ours.push(oursMs);
    bare.push(bareMs);
    differing += bareDiffering;
  }
  return { ours: median(ours), bare: median(bare), differing };
}

/**
 * Client-side overhead of one activation on each backend: the whole call through the core
 * (validation, signing and verifying, the secret and state writes) against a bare `fetch` of the
 * very same requests, recorded from the client through a forwarding proxy. On loopback the round
 * trip is a millisecond or two, so any fixed cost weighs heavily; the same comparison through
 * the proxy with a site network's 20 ms a request shows what a user would notice.
 */
export async function benchActivation(dir: string): Promise<Row[]> {
  const set = await startSandboxes();
  const originOf = (scenario: Scenario) => new URL(scenario.origin(set)).origin;
  const recorders = new Map<string, Recorder>();
  for (const origin of new Set(SCENARIOS.map(originOf)))
    recorders.set(origin, await startRecorder(origin));
  const recorderOf = (scenario: Scenario): Recorder => {
    const recorder = recorders.get(originOf(scenario));
    if (!recorder) throw new Error(`no recorder for ${scenario.name}`);
    return recorder;
  };
  const base = { productName: 'Bench', productId: 'bench-activation' };
  // The demo's profiles, as a vendor's configuration (no in-process demo).
  const asConfig = (config: VendorConfig): VendorConfig => ({ ...config, demo: false });
  const secrets = createMemorySecretStore();
  const recorded = new Map<Scenario, Recorded>();
  const overNetwork = new Map<Scenario, number>();
  const rows: Row[] = [];
  try {
    const proxied = throughRecorders(set, recorders);
    const viaProxy = await openCore(dir, asConfig(demoConfigFor(proxied, base)), secrets);
    for (const scenario of SCENARIOS) {
      const recorder = recorderOf(scenario);
      await scenario.prepare?.(viaProxy, proxied);
      // A first activation can differ (FLECS opens a session once): record a steady-state one.
      await scenario.activate(viaProxy, proxied);
      await scenario.undo(viaProxy, proxied);
      recorder.take();
      await scenario.activate(viaProxy, proxied);
      const activate = recorder.take();
      await scenario.undo(viaProxy, proxied);
      const requests = { activate, undo: recorder.take() };
      recorded.set(scenario, requests);
      recorder.setDelay(NETWORK_MS);
      const slow = await compare(scenario, viaProxy, proxied, recorder.url, requests, NETWORK_RUNS);
      recorder.setDelay(0);
      recorder.take();
      overNetwork.set(scenario, slow.ours / slow.bare);
    }
    await viaProxy.close(0);

    const core = await openCore(dir, asConfig(demoConfigFor(set, base)), secrets);
    // The inventory file is shared, so the hub now points at the proxy: import it direct.
    await core.hubs.remove(firstHub(core));
    for (const scenario of SCENARIOS) {
      await scenario.prepare?.(core, set);
      const requests = recorded.get(scenario);
      if (!requests) throw new Error(`${scenario.name} was not recorded`);
      const { ours, bare, differing } = await compare(
        scenario,
        core,
        set,
        originOf(scenario),
        requests,
        RUNS,
      );
      const count = requests.activate.length;
      rows.push({
        figure: `activation overhead, ${scenario.name}`,
        value: ours / bare,
        unit: '×',
        reference:
          `loopback: ${ours.toFixed(1)} ms vs ${bare.toFixed(1)} ms bare (${count} request${count === 1 ? '' : 's'}); ` +
          `at ${NETWORK_MS} ms a request: ${(overNetwork.get(scenario) ?? NaN).toFixed(2)}×` +
          (differing > 0 ? `; ${differing} replayed answers differed` : ''),
      });
    }
    await core.close(0);
  } finally {
    for (const recorder of recorders.values()) await recorder.close();
    await set.close();
  }
  return rows;
}
