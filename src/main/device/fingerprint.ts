import { createHmac } from 'node:crypto';
import { hostname } from 'node:os';
import { machineId } from 'node-machine-id';
import type { Text } from '../../shared/text';
import { inEnglish } from '../../shared/texts/english';
import { store } from '../../shared/texts/store.en';

/**
 * Where the raw machine identity comes from. The real source is node-machine-id; tests inject a
 * fake so they can simulate the container case (no machine id, hostname fallback).
 */
export interface HardwareSources {
  /** The OS machine id as node-machine-id reads it (it silently falls back to the hostname). */
  rawMachineId(): Promise<string>;
  hostname(): string;
}

export const nodeHardwareSources: HardwareSources = {
  rawMachineId: () => machineId(true),
  hostname: () => hostname(),
};

export interface Fingerprint {
  /** HMAC-SHA256(raw machine id, product salt), hex. This is what servers see. */
  readonly id: string;
  readonly source: 'machine-id' | 'hostname';
  /** Why the fingerprint may change (English, for the CLI), and as a text for the screens. */
  readonly warning?: string;
  readonly warningText?: Text;
}

const HOSTNAME_WARNING = store.hostnameFingerprint();

/**
 * The raw machine id is confidential (systemd says so) and node-machine-id's plain SHA-256 is
 * the same in every app using the library: we key an HMAC with the raw id over a per-product salt,
 * so two products never share a fingerprint and the raw id never leaves the process.
 */
export function createFingerprinter(salt: string, sources: HardwareSources = nodeHardwareSources) {
  let cached: Promise<Fingerprint> | undefined;
  const compute = async (): Promise<Fingerprint> => {
    const host = sources.hostname();
    // REG.exe blocked by policy, ioreg missing: licensing still works, on the host name.
    const raw = (await sources.rawMachineId().catch(() => '')).trim();
    // node-machine-id lower-cases the host name it falls back to.
    const fellBack = raw.length === 0 || raw.toLowerCase() === host.toLowerCase();
    const material = raw.length > 0 ? raw : host;
    const id = createHmac('sha256', material).update(`license-manager:${salt}`).digest('hex');
    return fellBack
      ? {
          id,
          source: 'hostname',
          warning: inEnglish(HOSTNAME_WARNING),
          warningText: HOSTNAME_WARNING,
        }
      : { id, source: 'machine-id' };
  };
  return {
    /** Spawning the shell costs a few ms each time: compute once per process. */
    get(): Promise<Fingerprint> {
      cached ??= compute();
      return cached;
    },
  };
}

export type Fingerprinter = ReturnType<typeof createFingerprinter>;
