import { describe, expect, it } from 'vitest';
import { problemsWording } from '../../src/main/hubs/hub-problems';
import { textSchema } from '../../src/shared/text-schema';
import { inEnglish } from '../../src/shared/texts/english';

/** A draft's problems as one text: the English they always had, and a text IPC accepts. */
describe('hub draft problems', () => {
  const problem = (field: string | undefined) => ({ field, message: 'give the hub a name' });

  it('say the English as before, the schema messages as texts, zod words as they are', () => {
    const wording = problemsWording([
      problem('name'),
      { field: 'port', message: 'Too small: expected number to be >=1' },
      problem(undefined),
    ]);
    expect(wording.message).toBe(
      'name: give the hub a name; port: Too small: expected number to be >=1; hub: give the hub a name',
    );
    expect(wording.text && inEnglish(wording.text)).toBe(wording.message);
  });

  it('nest as deep as IPC allows, and keep longer lists English alone', () => {
    const four = problemsWording([1, 2, 3, 4].map(() => problem('name')));
    expect(four.text && textSchema.safeParse(four.text).success).toBe(true);
    const five = problemsWording([1, 2, 3, 4, 5].map(() => problem('name')));
    expect(five).toEqual({ message: Array(5).fill('name: give the hub a name').join('; ') });
  });
});
