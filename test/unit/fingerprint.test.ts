import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFingerprinter, type HardwareSources } from '../../src/main/device/fingerprint';

const sources = (raw: string, host = 'workstation-1'): HardwareSources & { calls: number } => {
  const fake = {
    calls: 0,
    rawMachineId: async () => {
      fake.calls += 1;
      return raw;
    },
    hostname: () => host,
  };
  return fake;
};

describe('fingerprint', () => {
  it('is a salted HMAC: never the raw id nor the library-wide SHA-256', async () => {
    const raw = '4c4c4544003957108052b4c04f4e3332';
    const { id, source, warning } = await createFingerprinter('com.acme.cad', sources(raw)).get();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toContain(raw);
    expect(id).not.toBe(createHash('sha256').update(raw).digest('hex'));
    expect(source).toBe('machine-id');
    expect(warning).toBeUndefined();
  });

  it('differs between products and is stable for one product', async () => {
    const raw = 'abc123';
    const a = await createFingerprinter('product-a', sources(raw)).get();
    const b = await createFingerprinter('product-b', sources(raw)).get();
    const again = await createFingerprinter('product-a', sources(raw)).get();
    expect(a.id).not.toBe(b.id);
    expect(a.id).toBe(again.id);
  });

  it('warns when node-machine-id fell back to the host name', async () => {
    const fallback = await createFingerprinter('p', sources('buildbox', 'buildbox')).get();
    expect(fallback.source).toBe('hostname');
    expect(fallback.warning).toMatch(/host name/);
  });

  it('computes once per process', async () => {
    const fake = sources('abc');
    const fingerprinter = createFingerprinter('p', fake);
    await Promise.all([fingerprinter.get(), fingerprinter.get()]);
    await fingerprinter.get();
    expect(fake.calls).toBe(1);
  });

  it('falls back to the host name, with the warning, when the machine id cannot be read', async () => {
    const fingerprinter = createFingerprinter('p', {
      rawMachineId: async () => Promise.reject(new Error('REG.exe blocked by policy')),
      hostname: () => 'Workstation-7',
    });
    await expect(fingerprinter.get()).resolves.toMatchObject({
      source: 'hostname',
      warning: expect.stringMatching(/host name/),
    });
  });

  it('recognises the lower-cased host name node-machine-id falls back to', async () => {
    expect(
      (await createFingerprinter('p', sources('workstation-7', 'Workstation-7')).get()).source,
    ).toBe('hostname');
  });
});
