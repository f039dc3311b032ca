/**
 * Deterministic randomness for generated fleets: the same `hubs: N` always yields the same hids,
 * credentials and licence codes, so a failing fleet test can be replayed exactly. mulberry32 is
 * plenty for test data and costs nothing at 1,000 hubs (the tests' jitter uses it too).
 */

export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [0, bound). */
export const below = (random: Random, bound: number): number => Math.floor(random() * bound);

export function pick<T>(random: Random, items: readonly [T, ...T[]]): T {
  return items[below(random, items.length)] ?? items[0];
}

/** `length` lower-case hex digits. */
export function hex(random: Random, length: number): string {
  let out = '';
  while (out.length < length) {
    out += below(random, 0x1_0000_0000).toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** A version-4-shaped uuid, like the `_id` of a MobiusFlow user. */
export function uuid(random: Random): string {
  const digits = hex(random, 32).split('');
  digits[12] = '4';
  digits[16] = '89ab'[below(random, 4)] ?? '8';
  const text = digits.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
