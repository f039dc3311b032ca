/**
 * A small deterministic PRNG (mulberry32): jittered runs are reproducible, yet spread like real
 * randomness. Returns numbers in [0, 1), like Math.random. Tests may import sandbox code (not the
 * other way round), so they share the sandbox's generator.
 */
export { mulberry32 as seededRandom } from '../../src/sandbox/mobiusflow/prng';
