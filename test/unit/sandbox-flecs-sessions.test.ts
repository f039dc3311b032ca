import { describe, expect, it } from 'vitest';
import {
  presentSession,
  sessionForActivation,
  type SessionSlots,
} from '../../src/sandbox/flecs/sessions';

/** The rotation rules on their own, without HTTP: ttl 100 ms, grace 10 ms. */

const timing = { ttlMs: 100, graceMs: 10 };
const fresh = (): SessionSlots => ({ current: null, previous: null });

describe('FLECS session rotation', () => {
  it('issues a first session and keeps it for a caller that presents it', () => {
    const device = fresh();
    const first = sessionForActivation(device, false, 0, timing);
    expect(first.issuedAt).toBe(0);
    expect(sessionForActivation(device, true, 50, timing)).toBe(first);
  });

  it('rotates on the first presentation at or after the TTL; the old id lasts the grace', () => {
    const device = fresh();
    const first = sessionForActivation(device, false, 0, timing).id;
    expect(presentSession(device, first, 99, timing)).toBe(true);
    expect(device.current?.id).toBe(first);
    expect(presentSession(device, first, 150, timing)).toBe(true);
    const second = device.current?.id;
    expect(second).not.toBe(first);
    expect(device.current?.issuedAt).toBe(150);
    expect(presentSession(device, first, 159, timing)).toBe(true);
    expect(presentSession(device, first, 160, timing)).toBe(false);
    expect(device.previous).toBeNull();
    expect(presentSession(device, second ?? '', 160, timing)).toBe(true);
  });

  it('gives an activation without the session a fresh id and keeps the old one for the grace', () => {
    const device = fresh();
    const first = sessionForActivation(device, false, 0, timing).id;
    const second = sessionForActivation(device, false, 5, timing).id;
    expect(second).not.toBe(first);
    expect(device.previous).toEqual({ id: first, validUntil: 15 });
  });
});
