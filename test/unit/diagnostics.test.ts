import { describe, expect, it } from 'vitest';
import type { ProfileConfig } from '../../src/main/config/vendor-config';
import { fingerprintBasis, secretProtection } from '../../src/main/diagnostics/machine-facts';
import { targetsOf } from '../../src/main/diagnostics/profile-connection';
import { createRecentLog, licenceChangeLogger } from '../../src/main/diagnostics/recent-log';
import { redactConfig, redactText, safeUrl, secretsOf } from '../../src/main/diagnostics/redaction';
import { connectionTestText } from '../../src/main/diagnostics/report-text';
import type { LicenceView } from '../../src/shared/model';

/** The parts of the diagnostics that are pure: redaction, the log, and the honest sentences. */

const API_KEY = 'api_u3o7i1au2wycki8awj1kdmp8';
const SHARED = 'Q9vXs8dk2LmWq0PzR7tYb3NcE5hJf6Ga1Ku4i0Bt';
const config = {
  productName: 'Acme',
  profiles: [
    {
      id: 'seats',
      kind: 'seats',
      baseUrl: 'https://u:pw@lic.acme.example:5455/api?x=1',
      apiKey: API_KEY,
    },
    {
      id: 'ls',
      kind: 'licensespring',
      auth: { kind: 'hmac', apiKey: 'a3f1c2d4-1111-2222-3333-444455556666', sharedKey: SHARED },
      publicKey: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    },
  ],
};

describe('redaction', () => {
  it('masks credentials like the UI, summarises public keys, strips URL credentials and queries', () => {
    const redacted = JSON.stringify(redactConfig(config));
    expect(redacted).not.toContain(API_KEY);
    expect(redacted).not.toContain(SHARED);
    expect(redacted).toContain('"apiKey":"api_•••••••••••••••••••••mp8"');
    expect(redacted).toContain('"publicKey":"[PEM public key, 56 characters]"');
    expect(redacted).toContain('"baseUrl":"https://lic.acme.example:5455/api"');
    expect(redacted).toContain('"productName":"Acme"');
  });

  it('collects the credentials of a configuration', () => {
    expect(secretsOf(config).sort()).toEqual(
      [API_KEY, 'a3f1c2d4-1111-2222-3333-444455556666', SHARED].sort(),
    );
  });

  it.each([
    [`failed with key ${API_KEY}`, API_KEY],
    [`GET /x?k=${encodeURIComponent(SHARED)}`, SHARED],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', 'eyJhbGciOiJIUzI1NiJ9'],
    ['{"password":"hunter2-hunter2"}', 'hunter2-hunter2'],
    ['refresh_token=rt_5f8a9c0d1e2f3a4b', 'rt_5f8a9c0d1e2f3a4b'],
    ['proxy http://alice:s3cret@proxy:3128 refused', 's3cret'],
  ])('takes the secret out of %j', (text, secret) => {
    expect(redactText(text, secretsOf(config))).not.toContain(secret);
  });

  it('leaves ordinary words alone', () => {
    const text = 'Cannot reach lic.acme.example:5455: connection refused. Check the address.';
    expect(redactText(text, secretsOf(config))).toBe(text);
    expect(safeUrl('not a url')).toBe('not a url');
  });
});

describe('the recent log', () => {
  it('keeps the latest lines, one line each, redacted as written', () => {
    let now = 0;
    const log = createRecentLog({
      now: () => ++now,
      redact: (text) => redactText(text, [API_KEY]),
      capacity: 3,
    });
    log.record('info', 'one');
    log.record('warn', `two\nforged line ${API_KEY}`);
    log.record('info', 'three');
    log.record('error', 'four');
    expect(log.lines().map((line) => line.message)).toEqual([
      'two forged line api_•••••••••••••••••••••mp8',
      'three',
      'four',
    ]);
    expect(log.lines()[0]).toMatchObject({ at: 2, level: 'warn' });
  });

  it('notes a licence only when its status or seat state changes', () => {
    const log = createRecentLog({ now: () => 0, redact: (text) => text });
    const note = licenceChangeLogger(log);
    const view = (state: LicenceView['seat']['state']): LicenceView => ({
      profileId: 'seats',
      status: 'active',
      mode: 'floating',
      seat: { state },
    });
    note(view('held'));
    note(view('held'));
    note(view('lost'));
    expect(log.lines().map((line) => `${line.level} ${line.message}`)).toEqual([
      'info licence seats: active, seat held',
      'warn licence seats: active, seat lost',
    ]);
  });
});

describe('what is said about this computer', () => {
  it.each([
    [{ backend: 'keychain', protected: true }, false, 'os', 'macOS Keychain'],
    [{ backend: 'dpapi', protected: true }, false, 'os', 'DPAPI'],
    [{ backend: 'gnome_libsecret', protected: true }, false, 'os', 'GNOME Keyring'],
    [{ backend: 'os-keyring', protected: true }, false, 'os', 'OS keyring'],
    [
      { backend: 'os-keyring', protected: false, warning: 'No keyring.' },
      false,
      'unavailable',
      'No keyring.',
    ],
    [{ backend: 'basic_text', protected: false }, true, 'weak', 'Your vendor allows this'],
    [{ backend: 'basic_text', protected: false }, false, 'unavailable', 'does not allow'],
    [{ backend: 'memory', protected: true }, false, 'memory', 'never written to disk'],
  ] as const)('%j (weak allowed: %s) is %s', (store, allowWeak, level, words) => {
    const said = secretProtection(store, allowWeak);
    expect(said.level).toBe(level);
    expect(`${said.mechanism} ${said.explanation}`).toContain(words);
  });

  it('names the machine id source per platform, the salt, and the host name fallback', () => {
    const machine = fingerprintBasis(
      { label: 'abc', source: 'machine-id' },
      'acme-suite',
      'desk-1',
      'win32',
    );
    expect(machine.basis.join(' ')).toContain('MachineGuid');
    expect(machine.basis.join(' ')).toContain('“acme-suite”');
    const container = fingerprintBasis(
      { label: 'abc', source: 'hostname', warning: 'No machine id.' },
      'acme-suite',
      'desk-1',
      'linux',
    );
    expect(container.basis[0]).toContain('host name “desk-1”');
    expect(container.warning).toBe('No machine id.');
  });
});

describe('the servers of a profile', () => {
  const base = { label: 'x', timeoutMs: undefined };
  it.each([
    [
      { ...base, id: 'a', kind: 'seats', baseUrl: 'https://s.example', apiKey: 'k' },
      ['https://s.example'],
    ],
    [
      {
        ...base,
        id: 'e',
        kind: 'eniris',
        authUrl: 'https://auth.example',
        apiUrl: 'https://api.example',
      },
      ['https://auth.example', 'https://api.example'],
    ],
    [
      {
        ...base,
        id: 'e',
        kind: 'eniris',
        authUrl: 'https://one.example/a',
        apiUrl: 'https://one.example/b',
      },
      ['https://one.example/b'],
    ],
    [{ ...base, id: 'm', kind: 'mobiusflow', concurrency: 8 }, []],
  ])('%j', (profile, urls) => {
    expect(targetsOf(profile as ProfileConfig).urls).toEqual(urls);
  });
});

describe('a connection test as text (diagnose, the support bundle)', () => {
  it('lists the proxies passed over before the steps of the route tested', () => {
    const text = connectionTestText({
      profileId: 'seats',
      label: 'Floating seats',
      testedAt: 0,
      ok: true,
      targets: [
        {
          url: 'https://lic.acme.example:5455',
          via: '10.0.0.6:1080',
          passedOver: ['TCP: The proxy 10.0.0.5:3128 refused the connection — check the proxy'],
          steps: [{ step: 'dns', status: 'ok', detail: '10.0.0.6 is an IP address', ms: 0 }],
        },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Floating seats (seats): OK',
      '  https://lic.acme.example:5455 via proxy 10.0.0.6:1080',
      '    passed over: TCP: The proxy 10.0.0.5:3128 refused the connection — check the proxy',
      '    ok   DNS   10.0.0.6 is an IP address (0 ms)',
    ]);
  });
});
