import { randomUUID } from 'node:crypto';
import { AsyncEntry } from '@napi-rs/keyring';

/** Why the OS keyring cannot be used here, or undefined when it can (`npm test` starts one on Linux). */
export async function keyringUnavailable(): Promise<string | undefined> {
  try {
    const probe = new AsyncEntry('license-manager:probe', randomUUID());
    await probe.setPassword('probe');
    await probe.deletePassword();
    return undefined;
  } catch (error) {
    return `no OS keyring reachable (${(error as Error).message}); run the suites through \`npm test\`, which starts one on Linux`;
  }
}
