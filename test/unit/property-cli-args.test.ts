import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args';
import {
  anyString,
  expectPrototypeIntact,
  outcomeOf,
  trickyString,
} from '../support/property-inputs';

const OPTIONS = [
  '--config',
  '--key',
  '--profile',
  '--concurrency',
  '--port',
  '--grace-days',
  '--feature',
  '--json',
  '--quiet',
  '-q',
  '--force',
  '--__proto__',
  '--constructor',
];
const word = fc.oneof(fc.constantFrom(...OPTIONS), trickyString(20), anyString);

describe('CLI arguments (fast-check)', () => {
  it('answers parsed arguments or a usage error for any command line, never a crash', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        const outcome = outcomeOf(() => parseCliArgs(argv), ['invalid_input']);
        if (outcome.ok) {
          expect(Array.isArray(outcome.value.command)).toBe(true);
          // Every word that is not an option or its value is a command word, in order.
          for (const positional of outcome.value.command) expect(argv).toContain(positional);
        } else {
          expect(outcome.error.message).toMatch(/./);
        }
        expectPrototypeIntact();
      }),
      { numRuns: 300 },
    );
  });

  it('reads numbers only as whole numbers within their bounds', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5, max: 100 }).map(String), trickyString(12)),
        (raw) => {
          const outcome = outcomeOf(
            () => parseCliArgs(['hub', 'refresh', '--concurrency', raw]),
            ['invalid_input'],
          );
          if (outcome.ok) {
            expect(Number.isInteger(outcome.value.concurrency)).toBe(true);
            expect(outcome.value.concurrency).toBeGreaterThanOrEqual(1);
            expect(outcome.value.concurrency).toBeLessThanOrEqual(64);
            expect(String(outcome.value.concurrency)).toBe(String(Number(raw)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
