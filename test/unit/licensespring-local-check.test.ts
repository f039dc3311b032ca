import { describe, expect, it } from 'vitest';
import {
  CLOCK_BACK_TOLERANCE_MS,
  licenseSpringLocalCheck,
} from '../../src/main/licensing/backends/licensespring-local-check';

/** The check between server checks: validity, grace from the validity end, clock moved back. */

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);
const base = { now: T0, highestSeenAt: T0, lastServerCheckAt: T0 - HOUR };

describe('licenseSpringLocalCheck', () => {
  it('is valid without a validity end, and says the licence does not expire', () => {
    expect(licenseSpringLocalCheck(base)).toEqual({
      state: 'valid',
      message: 'The licence is valid and does not expire.',
      text: { id: 'licensespring.validForever' },
    });
  });

  it('is valid before the validity end, and names that end', () => {
    const result = licenseSpringLocalCheck({ ...base, validUntil: T0 + 24 * HOUR });
    expect(result.state).toBe('valid');
    expect(result.message).toContain('2026-03-02 12:00 UTC');
    expect(result.graceUntil).toBeUndefined();
  });

  it('is in grace after the validity end, for the vendor’s grace hours', () => {
    const result = licenseSpringLocalCheck({
      ...base,
      validUntil: T0 - HOUR,
      gracePeriodHours: 48,
    });
    expect(result).toMatchObject({ state: 'grace', graceUntil: T0 + 47 * HOUR });
    expect(result.message).toMatch(
      /ended on 2026-03-01 11:00 UTC.*until 2026-03-03 11:00 UTC.*Renew/,
    );
  });

  it('is expired once the grace period has passed too', () => {
    const result = licenseSpringLocalCheck({
      ...base,
      now: T0 + 100 * HOUR,
      highestSeenAt: T0 + 100 * HOUR,
      validUntil: T0,
      gracePeriodHours: 24,
    });
    expect(result.state).toBe('expired');
    expect(result.message).toMatch(
      /expired on .* grace period ended on 2026-03-02 12:00 UTC\. Renew/,
    );
  });

  it('is expired at once without a grace period (0 hours counts as none)', () => {
    for (const gracePeriodHours of [undefined, 0]) {
      const result = licenseSpringLocalCheck({ ...base, validUntil: T0, gracePeriodHours });
      expect(result.state).toBe('expired');
      expect(result.message).not.toMatch(/grace/);
    }
  });

  it('sees the clock moved back beyond the 5-minute tolerance, before any date check', () => {
    const result = licenseSpringLocalCheck({
      ...base,
      now: T0 - 2 * HOUR,
      validUntil: T0 + HOUR,
    });
    expect(result.state).toBe('clock_moved_back');
    expect(result.message).toMatch(/clock is 2 hours earlier .* Set the date and time correctly/);
    // Even a licence that looks valid at the rolled-back time is not trusted.
    expect(
      licenseSpringLocalCheck({ ...base, now: T0 - 2 * HOUR, validUntil: T0 - HOUR }).state,
    ).toBe('clock_moved_back');
  });

  it('tolerates small corrections of the clock', () => {
    const now = T0 - CLOCK_BACK_TOLERANCE_MS;
    expect(licenseSpringLocalCheck({ ...base, now }).state).toBe('valid');
    expect(licenseSpringLocalCheck({ ...base, now: now - 1 }).state).toBe('clock_moved_back');
  });

  it('does not read a server check time ahead of the local clock as tampering', () => {
    const result = licenseSpringLocalCheck({ ...base, lastServerCheckAt: T0 + 10 * 60_000 });
    expect(result.state).toBe('valid');
  });
});
