import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '../../bin/license-manager.js');

/** What `license-manager sandbox --hubs N --json` prints once its servers listen. */
export interface HubFleetReady {
  /** A configuration with a `mobiusflow` profile (and the other sandboxes' profiles). */
  readonly config: string;
  /** The inventory CSV of the emulated hubs, with their credentials. */
  readonly hubsCsv: string;
  readonly servers: {
    readonly mobiusflow: {
      readonly url: string;
      readonly hubCount: number;
      /** Codes the engine knows that no hub holds: valid replacements. */
      readonly spareCodes: readonly string[];
    };
  };
}

/** The engine's own counts (GET /__sandbox/state), to hold the screen's chips against. */
export interface EngineState {
  readonly hubs: number;
  readonly faults: Readonly<Record<string, number>>;
  readonly licences: {
    readonly valid: number;
    readonly invalid: number;
    readonly inactive: number;
    readonly over90PercentUsed: number;
  };
}

export type HubFault = 'slow' | 'down' | 'error500' | 'malformed';

/**
 * A MobiusFlow engine emulating `hubs` hubs, started as a user would (`license-manager sandbox
 * --hubs N`), in its own data folder. The ready line can be long (every spare code), so it is read
 * up to its newline rather than taken from the first chunk of output.
 */
export async function startHubFleet(hubs: number): Promise<{
  readonly ready: HubFleetReady;
  engineState(): Promise<EngineState>;
  setFault(hid: string, fault: HubFault | null): Promise<void>;
  /** The CSV's lines as records (header names as keys). */
  inventory(): readonly Record<string, string>[];
  stop(): Promise<void>;
}> {
  const home = mkdtempSync(join(tmpdir(), 'lm-e2e-hubs-'));
  const child = spawn(process.execPath, [BIN, 'sandbox', '--hubs', String(hubs), '--json'], {
    env: { ...process.env, LICENSE_MANAGER_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await firstLine<HubFleetReady>(child);
  const admin = (route: string): string => `${ready.servers.mobiusflow.url}/__sandbox/${route}`;
  return {
    ready,
    async engineState() {
      const response = await fetch(admin('state'));
      return (await response.json()) as EngineState;
    },
    async setFault(hid, fault) {
      const response = await fetch(admin('hub-fault'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ hid, fault }),
      });
      if (!response.ok) throw new Error(`hub-fault ${hid}: HTTP ${response.status}`);
    },
    inventory() {
      const [header, ...lines] = readFileSync(ready.hubsCsv, 'utf8').trim().split(/\r?\n/);
      const names = (header ?? '').split(',');
      // The sandbox's names and passwords have no commas or quotes: a plain split is enough here.
      return lines.map((line) => {
        const fields = line.split(',');
        return Object.fromEntries(names.map((name, index) => [name, fields[index] ?? '']));
      });
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
  };
}

function firstLine<T>(child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end < 0) return;
      child.stdout?.off('data', onData);
      try {
        resolve(JSON.parse(text.slice(0, end)) as T);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`license-manager sandbox exited with ${code}`)));
  });
}

/**
 * A small MobiusFlow engine over https with a committed self-signed certificate (`hub-a` or
 * `hub-b`, test/fixtures/mobiusflow-tls): the CLI sandbox speaks http only, and trust on first use
 * needs a certificate to trust, and another one to be alarmed by.
 */
export async function startTlsEngine(
  certificate: 'hub-a' | 'hub-b',
  /** A port to listen on again, so the same hub address presents another certificate. */
  port?: number,
): Promise<{
  readonly hub: { readonly host: string; readonly port: string; readonly basePath: string };
  readonly account: { readonly hid: string; readonly username: string; readonly password: string };
  close(): Promise<void>;
}> {
  // The sandbox's source, loaded by path at run time: the e2e project does not compile src/, and
  // only this helper needs the engine in-process. The few members used are typed here.
  // Required, not imported: Playwright compiles TypeScript on require, not on a dynamic import().
  const load = createRequire(__filename);
  const { startMobiusFlowSandbox } = load('../../src/sandbox/mobiusflow/server') as {
    startMobiusFlowSandbox(options: {
      hubs: number;
      port?: number;
      tls: { certPem: string; keyPem: string };
    }): Promise<{
      hubs: readonly { hid: string; username: string; password: string; baseUrl: string }[];
      close(): Promise<void>;
    }>;
  };
  const fixture = (name: string): string =>
    readFileSync(join(__dirname, '../fixtures/mobiusflow-tls', name), 'utf8');
  const engine = await startMobiusFlowSandbox({
    hubs: 1,
    ...(port === undefined ? {} : { port }),
    tls: { certPem: fixture(`${certificate}.pem`), keyPem: fixture(`${certificate}.key`) },
  });
  const [first] = engine.hubs;
  if (!first) throw new Error('The TLS engine started without a hub.');
  const url = new URL(first.baseUrl);
  return {
    hub: { host: url.hostname, port: url.port, basePath: url.pathname },
    account: { hid: first.hid, username: first.username, password: first.password },
    close: () => engine.close(),
  };
}
