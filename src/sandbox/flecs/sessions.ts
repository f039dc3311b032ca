import { newSessionId, type SessionStamp } from './wire';

/**
 * Session-id rotation, evaluated lazily against the injected clock (no timers), so a manual clock
 * controls it completely.
 *
 * - A session id is current for `ttlMs` after issue. The first request that presents it after
 *   that gets a new id (in the X-Session-Id response header); the old one stays valid for
 *   `graceMs` after that moment, for requests already in flight, and is unknown afterwards.
 * - A current id does not lapse on its own: a device that was offline longer than the TTL comes
 *   back with the id it has and is rotated then. Only a client that ignores the response header
 *   loses its session (its old id dies after the grace window).
 */

export interface SessionTiming {
  readonly ttlMs: number;
  readonly graceMs: number;
}

export interface SessionSlots {
  current: SessionStamp | null;
  previous: { readonly id: string; readonly validUntil: number } | null;
}

/** Forgets a previous id whose grace window is over. Never issues anything. */
export function expirePrevious(device: SessionSlots, now: number): void {
  if (device.previous && now >= device.previous.validUntil) device.previous = null;
}

/**
 * The device presented `id`: returns whether it is accepted, rotating the current id when its TTL
 * is over. Call only for the device that owns `id`.
 */
export function presentSession(
  device: SessionSlots,
  id: string,
  now: number,
  timing: SessionTiming,
): boolean {
  expirePrevious(device, now);
  const current = device.current;
  if (current?.id === id) {
    if (now >= current.issuedAt + timing.ttlMs) rotate(device, now, timing);
    return true;
  }
  return device.previous?.id === id;
}

/** Whether `id` is one of the ids this device could still present (before time is applied). */
export function ownsSessionId(device: SessionSlots, id: string): boolean {
  return device.current?.id === id || device.previous?.id === id;
}

/**
 * The session an activation answers with. A caller who proved it holds the current session keeps
 * it; anyone else (a new device, a serial activation, a reclaimed key) gets a fresh id, and an id
 * the device may still hold elsewhere stays valid for the grace window.
 */
export function sessionForActivation(
  device: SessionSlots,
  presented: boolean,
  now: number,
  timing: SessionTiming,
): SessionStamp {
  expirePrevious(device, now);
  if (presented && device.current) return device.current;
  return rotate(device, now, timing);
}

function rotate(device: SessionSlots, now: number, timing: SessionTiming): SessionStamp {
  device.previous = device.current
    ? { id: device.current.id, validUntil: now + timing.graceMs }
    : null;
  device.current = { id: newSessionId(), issuedAt: now };
  return device.current;
}
