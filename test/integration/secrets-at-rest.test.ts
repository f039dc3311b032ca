import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activateEveryBackend,
  basicTextSafeStorage,
  encodedForms,
  filesUnder,
  secretsIn,
  type EveryBackend,
  type Secret,
} from '../support/every-backend';

/**
 * Secrets at rest (threat T7): one installation with the desktop app's on-disk layout on a Linux
 * machine without a keychain, activated on every backend, kept running through heartbeats and a
 * hub refresh, sent refused requests that carry passwords and keys, then closed. Every file left
 * in its data folder (state, hub inventory, sealed hub secrets, the logs folder) is read back and
 * searched for every secret it used, as is and encoded (base64 at any alignment, hex,
 * URL-encoded, JSON-escaped).
 */

const MINUTE = 60_000;

let dataDir: string;
let every: EveryBackend;
let secrets: readonly Secret[];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lm-at-rest-'));
  every = await activateEveryBackend({ dataDir });
  const f = every.fixtures;

  // Running for a while: seat heartbeats, FLECS revalidation, LicenseSpring keep-alives, token
  // refreshes, and a fleet refresh that rotates the hubs' refresh tokens.
  for (let step = 0; step < 6; step++) await every.clock.advanceAsync(5 * MINUTE);
  await every.call('hubs:refresh', {});
  await every.call('licensespring:details', { profileId: f.profiles.licensespring, refresh: true });

  // Refused requests that carry secrets: of the wrong shape, and from a foreign page.
  const hub = {
    name: 'Typo hub',
    host: '127.0.0.1',
    hid: '00AA00',
    lan: true,
    scheme: 'http',
    username: 'admin',
    password: f.hubPassword,
  };
  const refused: [string, unknown][] = [
    [
      'licence:activate-account',
      { profileId: f.profiles.flecsAccount, ...f.flecsUser, remember: true },
    ],
    ['eniris:sign-in', { profileId: f.profiles.eniris, username: 42, password: f.eniris.password }],
    ['licence:activate', { profileId: 'Not A Profile', key: f.keys[f.profiles.seats] }],
    ['hubs:add', { hub: { ...hub, port: 'eighty' } }],
    [f.keys[f.profiles.licensespring] ?? 'key as a channel name', { password: f.hubPassword }],
  ];
  for (const [channel, payload] of refused) {
    await every.gate({ url: 'app://bundle/index.html', isMainFrame: true }, channel, payload);
    await every.gate({ url: 'https://evil.example/', isMainFrame: true }, channel, payload);
  }
  await every.close();
  secrets = await every.secrets();
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('secrets at rest in the app data folder', () => {
  it('leaves the app files, the sealed hub secrets and the refusal log where expected', () => {
    const paths = filesUnder(dataDir).map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'state.json',
        'hubs.json',
        'hubs-secrets.sealed.json',
        join('logs', 'ipc-refusals.log'),
      ]),
    );
    // The refused requests above were all written down (two per request).
    const log = readFileSync(every.logFile, 'utf8').trim().split('\n');
    expect(log.length).toBeGreaterThanOrEqual(10);
  });

  it('holds the secrets only as safeStorage ciphertext beside the state', async () => {
    const state = JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8')) as {
      secrets?: Record<string, string>;
    };
    const stored = Object.entries(state.secrets ?? {});
    expect(stored.length).toBeGreaterThan(5);
    const safeStorage = basicTextSafeStorage();
    for (const [name, ciphertext] of stored) {
      const bytes = Buffer.from(ciphertext, 'base64');
      expect(bytes.subarray(0, 3).toString(), name).toBe('v10');
      // It does decrypt to something this installation used: the search below is not vacuous.
      const { result: plain } = await safeStorage.decryptStringAsync(bytes);
      expect(
        secrets.some((secret) => plain.includes(secret.value)),
        `${name} is not among the collected secrets`,
      ).toBe(true);
    }
  });

  it('has no key, token, session id, password or shared key in any file, in any encoding', () => {
    expect(secrets.length).toBeGreaterThan(30);
    const found = filesUnder(dataDir).flatMap((file) =>
      secretsIn(file.text, secrets).map((hit) => `${file.path}: ${hit}`),
    );
    expect(found).toEqual([]);
  });

  it('does not leave the sealed hub secrets readable without the key from the keychain', () => {
    const sealed = readFileSync(join(dataDir, 'hubs-secrets.sealed.json'), 'utf8');
    expect(JSON.parse(sealed)).toMatchObject({ version: 1, iv: expect.any(String) });
    expect(sealed).not.toMatch(/hub-password|hub-refresh|hub-licence/);
  });
});

describe('the search for secrets', () => {
  const secret: Secret = { label: 'probe', value: 'fltk_s3cr3t+/token?&=' };

  it.each([
    ['as is', `{"token":"${secret.value}"}`],
    ['JSON-escaped', JSON.stringify({ value: `a"${secret.value}` })],
    ['URL-encoded', `https://x.example/?t=${encodeURIComponent(secret.value)}`],
    ['hex', `00${Buffer.from(secret.value).toString('hex')}ff`],
    ...[0, 1, 2].map((offset): [string, string] => [
      `base64 at offset ${offset}`,
      Buffer.from(`${'p'.repeat(offset)}${secret.value}trailing`).toString('base64'),
    ]),
    ['base64url', Buffer.from(`xx${secret.value}`).toString('base64url')],
  ])('finds a secret %s', (_form, text) => {
    expect(secretsIn(text, [secret])).not.toEqual([]);
  });

  it('does not find a secret that is not there, nor in its masked form', () => {
    expect(secretsIn('fltk_…oken and F7•••-•••••-•••TC', [secret])).toEqual([]);
    expect(encodedForms(secret.value).every((form) => form.text.length >= 8)).toBe(true);
  });
});
