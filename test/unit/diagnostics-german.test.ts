import { describe, expect, it } from 'vitest';
import type { ProfileConfig } from '../../src/main/config/vendor-config';
import { testTarget, type ConnectionTestDeps } from '../../src/main/diagnostics/connection-test';
import { fingerprintBasis, secretProtection } from '../../src/main/diagnostics/machine-facts';
import { testProfileConnection } from '../../src/main/diagnostics/profile-connection';
import { wordsFor } from '../../src/main/diagnostics/words';
import { diagnosticsWordsDe } from '../../src/main/diagnostics/words.de';
import { diagnosticsWordsEn } from '../../src/main/diagnostics/words.en';
import { ProxyFailure } from '../../src/main/net/proxy-dialogue';
import type { AppInfo } from '../../src/shared/model';
import { refusedUrl } from '../support/refused-url';
import { store } from '../../src/shared/texts/store.en';
import { inEnglish } from '../../src/shared/texts/english';

/**
 * The diagnostics' sentences in German: main writes them in the language the screen asks in,
 * English stays the default (the CLI, the support bundle and the recent log).
 */

const de = wordsFor('de');
const en = wordsFor();

/** Product names that read the same in both languages. */
const SAME_IN_BOTH = new Set(['KWallet', 'KWallet 5', 'KWallet 6']);

const PROXY_FAILURES = [
  new ProxyFailure('proxy.example:3128', { status: 407, message: '407' }),
  new ProxyFailure('proxy.example:3128', { status: 502, message: '502' }),
  new ProxyFailure('proxy.example:3128', { status: 403, message: '403' }),
  new ProxyFailure('proxy.example:3128', { socketCode: 'ETIMEDOUT', message: 'ETIMEDOUT' }),
  new ProxyFailure('proxy.example:3128', { socketCode: 'ECONNREFUSED', message: 'x' }),
  new ProxyFailure('proxy.example:3128', { socketCode: 'EWEIRD', message: 'x' }),
  new ProxyFailure('proxy.example:3128', { message: 'answered garbage' }),
];

/** Every leaf of a words table as [path, text], functions called with sample arguments. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    if (path === 'proxyProblem')
      return PROXY_FAILURES.flatMap((failed, index) => {
        const { problem, fix } = (value as typeof en.proxyProblem)(failed, 'lic.example:443');
        return [
          [`${path}[${index}].problem`, problem] as [string, string],
          [`${path}[${index}].fix`, fix] as [string, string],
        ];
      });
    if (path === 'profileName') {
      const profile = { label: 'Seats', translations: { de: { label: 'Plätze' } } };
      return [[path, (value as typeof en.profileName)(profile)]];
    }
    if (path === 'core') {
      const warning = store.keyringUnavailable();
      return [[path, (value as typeof en.core)({ message: inEnglish(warning), text: warning })]];
    }
    const fn = value as (...args: unknown[]) => string;
    const args = Array.from({ length: fn.length }, (_, index) => `«${index}»`);
    return [[path, path === 'seconds' ? fn(1.5) : fn(...args)]];
  }
  return Object.entries(value as object).flatMap(([key, item]) =>
    leaves(item, path ? `${path}.${key}` : key),
  );
}

describe('the German words table', () => {
  const english = new Map(leaves(diagnosticsWordsEn));
  const german = new Map(leaves(diagnosticsWordsDe));

  it('has every English entry, with the same parameters', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
    const arity = (value: unknown, path = ''): [string, number][] =>
      typeof value === 'function'
        ? [[path, value.length]]
        : typeof value === 'object' && value !== null
          ? Object.entries(value).flatMap(([key, item]) =>
              arity(item, path ? `${path}.${key}` : key),
            )
          : [];
    expect(arity(diagnosticsWordsDe)).toEqual(arity(diagnosticsWordsEn));
  });

  it('differs from English in every entry (product names aside)', () => {
    for (const [path, text] of english) {
      if (SAME_IN_BOTH.has(text)) continue;
      expect(german.get(path), path).not.toBe(text);
    }
  });

  it('keeps the data it is given: hosts, codes and keys appear unchanged', () => {
    for (const [path, text] of english) {
      for (const placeholder of text.match(/«\d»/g) ?? [])
        expect(german.get(path), path).toContain(placeholder);
    }
  });

  it('writes seconds the German way', () => {
    expect(de.seconds(1.5)).toBe('1,5 s');
    expect(en.seconds(1.5)).toBe('1.5 s');
  });
});

/** English sentences of the report: none may appear in the German one. */
const ENGLISH_WORDS = /\b(the|is|are|and|not|only|your|this|it)\b/i;

describe('the German report', () => {
  const fingerprint = { label: 'ab12cd34', source: 'machine-id' } as AppInfo['fingerprint'];
  const byHost = { label: 'ab12cd34', source: 'hostname' } as AppInfo['fingerprint'];
  const stores: [AppInfo['secretStore'], boolean][] = [
    [{ backend: 'os-keyring', protected: true }, false],
    [{ backend: 'os-keyring', protected: false }, false],
    [
      {
        backend: 'os-keyring',
        protected: false,
        warning: inEnglish(store.keyringUnavailable()),
        warningText: store.keyringUnavailable(),
      },
      false,
    ],
    [{ backend: 'keychain', protected: true }, false],
    [{ backend: 'gnome_libsecret', protected: true }, false],
    [{ backend: 'basic_text', protected: false }, true],
    [{ backend: 'basic_text', protected: false }, false],
    [{ backend: 'memory', protected: true }, false],
  ];

  it.each(stores)('explains the secret store %j in German', (secrets, allowWeak) => {
    const english = secretProtection(secrets, allowWeak);
    const german = secretProtection(secrets, allowWeak, de);
    expect(german.level).toBe(english.level);
    expect(german.backend).toBe(english.backend);
    expect(german.mechanism).not.toBe(english.mechanism);
    expect(german.explanation).not.toBe(english.explanation);
    expect(german.explanation).not.toMatch(ENGLISH_WORDS);
  });

  it.each(['linux', 'darwin', 'win32', 'freebsd', 'aix'] as const)(
    'says what the fingerprint rests on (%s) in German',
    (platform) => {
      const english = fingerprintBasis(fingerprint, 'acme-pro', 'host-1', platform);
      const german = fingerprintBasis(fingerprint, 'acme-pro', 'host-1', platform, de);
      expect(german.basis).toHaveLength(english.basis.length);
      german.basis.forEach((sentence, index) => {
        expect(sentence).not.toBe(english.basis[index]);
        expect(sentence).not.toMatch(ENGLISH_WORDS);
      });
      expect(german.basis[1]).toContain('„acme-pro“');
      expect(german.basis[0]).toMatch(/^Er beruht auf /);
    },
  );

  it('names the host name a container fingerprint rests on, unchanged', () => {
    const german = fingerprintBasis(byHost, 'acme-pro', 'build-box-7', 'linux', de);
    expect(german.basis[0]).toContain('„build-box-7“');
    expect(german.basis[0]).not.toMatch(ENGLISH_WORDS);
  });

  it('says where the proxy comes from in German', () => {
    for (const source of ['system', 'environment'] as const) {
      expect(de.proxySource[source]).not.toBe(en.proxySource[source]);
      expect(de.proxySource[source]).not.toMatch(/\b(the|this|as|them)\b/);
    }
    expect(de.proxySource.environment).toContain('HTTPS_PROXY, HTTP_PROXY und NO_PROXY');
  });

  it('stays English when no language is asked for', () => {
    expect(secretProtection({ backend: 'os-keyring', protected: true }, false).mechanism).toBe(
      'The OS keyring (macOS Keychain, Windows Credential Manager or the Secret Service)',
    );
    expect(fingerprintBasis(fingerprint, 'p', 'h', 'linux').basis[3]).toBe(
      'MAC addresses, disks, the CPU and your user name are not used.',
    );
    expect(wordsFor()).toBe(diagnosticsWordsEn);
  });
});

describe('the German connection test', () => {
  const deps: ConnectionTestDeps = {
    resolveProxy: async () => [{ kind: 'direct' }],
    http: {
      request: () => Promise.reject(new Error('no request expected')),
    },
    stepTimeoutMs: 2_000,
  };

  it('names the closed port in German, the address and the step as data', async () => {
    const closed = new URL(await refusedUrl());
    const result = await testTarget(closed, deps, de);
    expect(result.failure?.step).toBe('tcp');
    expect(result.failure?.code).toBe('offline');
    expect(result.failure?.message).toBe(
      `TCP: ${closed.host} hat die Verbindung abgelehnt — prüfen Sie den Port in der Adresse und ob der Server läuft`,
    );
    expect(result.steps).toEqual([
      {
        step: 'dns',
        status: 'ok',
        detail: `${closed.hostname} ist eine IP-Adresse (keine Namensauflösung nötig)`,
        ms: expect.any(Number),
      },
      {
        step: 'tcp',
        status: 'failed',
        detail: `${closed.host} hat die Verbindung abgelehnt — prüfen Sie den Port in der Adresse und ob der Server läuft`,
        ms: expect.any(Number),
      },
      { step: 'http', status: 'skipped', detail: 'nicht ausgeführt' },
    ]);
  });

  it('keeps the failure in English for the recent log', async () => {
    const closed = await refusedUrl();
    const profile = { id: 'dead', kind: 'seats', label: 'Dead', baseUrl: closed, apiKey: 'k' };
    const { test, englishFailure } = await testProfileConnection(
      profile as ProfileConfig,
      deps,
      () => 0,
      de,
    );
    expect(test.ok).toBe(false);
    expect(test.targets[0]?.failure?.message).toMatch(/hat die Verbindung abgelehnt/);
    expect(englishFailure?.message).toBe(
      `TCP: ${new URL(closed).host} refused the connection — check the port in the address and that the server is running`,
    );
  });

  it('explains why a licence-file or hubs profile has nothing to test, in German', async () => {
    const file = { id: 'f', kind: 'licence-file', label: 'F' } as unknown as ProfileConfig;
    const hubs = { id: 'h', kind: 'mobiusflow', label: 'H' } as unknown as ProfileConfig;
    const germanFile = await testProfileConnection(file, deps, () => 0, de);
    const germanHubs = await testProfileConnection(hubs, deps, () => 0, de);
    expect(germanFile.test.note).toBe(de.notes.licenceFile);
    expect(germanHubs.test.note).toBe(de.notes.hubs);
    expect((await testProfileConnection(file, deps, () => 0)).test.note).toBe(
      'Licence files are checked on this computer; no server is involved.',
    );
  });
});
