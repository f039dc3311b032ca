import type { Refusal, RefusalLog } from '../../src/main/ipc/refusal-log';

/** A refusal log that keeps what it is told, for tests that check what a host wrote down. */
export function createMemoryRefusalLog(): RefusalLog & { readonly refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  return { refusals, refused: (refusal) => void refusals.push(refusal) };
}
