import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskKey } from '../../src/main/licensing/mask';
import type {
  ConnectionTest,
  DiagnosticsReport,
  SupportBundle,
} from '../../src/shared/diagnostics-model';
import {
  activateEveryBackend,
  secretsIn,
  type EveryBackend,
  type Secret,
} from '../support/every-backend';

/**
 * The support bundle of an installation activated on every backend (the desktop app's layout on
 * a Linux machine without a keychain), after requests that failed and requests refused from a
 * foreign page, all carrying secrets. Every file in the zip is unpacked and searched for every
 * secret the installation used, as is and encoded (base64 at any alignment, hex, URL-encoded,
 * JSON-escaped); so are the zip's bytes and the base64 the renderer receives.
 */

let dataDir: string;
let every: EveryBackend;
let secrets: readonly Secret[];
let bundle: SupportBundle;
let files: Record<string, string>;

const answer = async <T>(promise: Promise<{ ok: boolean; value?: unknown }>): Promise<T> => {
  const result = await promise;
  if (!result.ok) throw new Error(`expected an answer, got ${JSON.stringify(result)}`);
  return result.value as T;
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lm-bundle-'));
  every = await activateEveryBackend({ dataDir });
  const f = every.fixtures;
  // Requests that fail in the core (they reach the recent log) and that the gate refuses (they
  // reach the refusal log), each carrying a secret.
  await every.call('licence:activate', {
    profileId: f.profiles.seats,
    key: f.keys[f.profiles.flecs] ?? '',
  });
  await every.call('eniris:sign-in', {
    profileId: f.profiles.eniris,
    username: f.eniris.username,
    password: `${f.eniris.password}-wrong`,
  });
  await every.gate({ url: 'https://evil.example/', isMainFrame: true }, 'licence:activate', {
    profileId: f.profiles.seats,
    key: f.keys[f.profiles.seats],
  });
  bundle = await answer<SupportBundle>(every.call('diagnostics:bundle', {}));
  secrets = await every.secrets();
  const unzipped = unzipSync(Buffer.from(bundle.base64, 'base64'));
  files = Object.fromEntries(
    Object.entries(unzipped).map(([name, bytes]) => [
      name.replace(/^[^/]+\//, ''),
      strFromU8(bytes),
    ]),
  );
}, 120_000);
afterAll(async () => {
  await every.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the support bundle', () => {
  it('holds versions, configuration, this computer, connection tests and the recent log', () => {
    expect(Object.keys(files).sort()).toEqual([...bundle.entries].sort());
    expect(bundle.entries).toEqual(
      expect.arrayContaining([
        'README.txt',
        'versions.json',
        'configuration.json',
        'this-computer.json',
        'connection-tests.json',
        'connection-tests.txt',
        'recent-log.txt',
      ]),
    );
    expect(bundle.fileName).toMatch(/^acme-suite-support-\d{8}-\d{6}\.zip$/);
    expect(JSON.parse(files['versions.json'] ?? '')).toMatchObject({
      app: '0.0.0-test',
      node: process.versions.node,
    });
    const machine = JSON.parse(files['this-computer.json'] ?? '') as Pick<
      DiagnosticsReport,
      'secrets' | 'fingerprint'
    >;
    // basic_text, allowed by this vendor: said to be weak, and why.
    expect(machine.secrets.level).toBe('weak');
    expect(machine.secrets.explanation).toContain('basic_text');
    expect(machine.fingerprint.source).toBe('machine-id');
  });

  it('tests the connection of every profile (all sandboxes answer)', () => {
    const tests = JSON.parse(files['connection-tests.json'] ?? '') as ConnectionTest[];
    expect(tests.map((test) => test.profileId)).toEqual(every.fixtures.profileIds);
    expect(tests.every((test) => test.ok)).toBe(true);
    expect(files['connection-tests.txt']).toContain('FLECS by key or serial (flecs): OK');
  });

  it('logs the failed requests and the refused one, with what went wrong', () => {
    const log = files['recent-log.txt'] ?? '';
    expect(log).toContain('started ACME Suite 0.0.0-test (basic_text)');
    expect(log).toMatch(/ERROR licence:activate: \w+: /);
    expect(log).toMatch(/ERROR eniris:sign-in: invalid_credentials: /);
    expect(log).toContain('licence seats: active, seat held');
    expect(log).toContain('== ipc-refusals.log (last lines) ==');
    expect(log).toContain('"sender":"https://evil.example"');
  });

  it('masks each credential of the configuration the way the app masks keys', () => {
    const configuration = files['configuration.json'] ?? '';
    const { apiKey } = every.sandboxes.servers.seats;
    expect(configuration).toContain(JSON.stringify(maskKey(apiKey)));
    expect(configuration).toContain('"publicKey": "[PEM public key,');
  });

  it('has no key, token, session id, password or shared key in any file, in any encoding', () => {
    expect(secrets.length).toBeGreaterThan(30);
    const found = Object.entries(files).flatMap(([name, text]) =>
      secretsIn(text, secrets).map((hit) => `${name}: ${hit}`),
    );
    expect(found).toEqual([]);
    // Nor in the zip's own bytes (names, headers) or the base64 the renderer is given.
    expect(secretsIn(Buffer.from(bundle.base64, 'base64').toString('latin1'), secrets)).toEqual([]);
    expect(secretsIn(JSON.stringify(bundle), secrets)).toEqual([]);
  });

  it('shows none on the diagnostics screen either', async () => {
    const report = await answer<DiagnosticsReport>(every.call('diagnostics:report', {}));
    expect(report.recentLog.length).toBeGreaterThan(5);
    expect(secretsIn(JSON.stringify(report), secrets)).toEqual([]);
  });
});
