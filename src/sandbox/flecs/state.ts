import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { ParsedFlecsSeed } from './seed';
import { ownsSessionId, presentSession, type SessionSlots, type SessionTiming } from './sessions';
import { newLicenseKey } from './wire';

/** The console's records: users with their JWTs and licences, licence keys, devices, apps. */

export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly email: string;
  readonly isVendor: boolean;
  readonly isWhitelabeled: boolean;
  availableUserLicences: number;
}

export interface KeyRecord {
  readonly licenseKey: string;
  revoked: boolean;
}

export interface DeviceRecord extends SessionSlots {
  readonly deviceId: string;
  readonly serialNumber: string | undefined;
  licenseKey: string | null;
  /** Set by a successful activation; a seeded device may hold a session yet be inactive. */
  active: boolean;
}

export interface AppRecord {
  readonly app: string;
  readonly versions: readonly string[];
  readonly official: boolean;
}

export interface DeviceView {
  readonly deviceId: string;
  readonly licenseKey: string | null;
  readonly active: boolean;
  readonly sessionId: string | null;
}

interface JwtRecord {
  readonly username: string;
  readonly expiresAt: number;
}

export type FlecsState = ReturnType<typeof createFlecsState>;

export function createFlecsState(seed: ParsedFlecsSeed, startedAt: number, timing: SessionTiming) {
  const users = new Map<string, UserRecord>(
    seed.users.map((u) => [u.username, { ...u, availableUserLicences: u.availableUserLicences }]),
  );
  const keys = new Map<string, KeyRecord>(
    seed.licenseKeys.map((k) => [k.licenseKey, { licenseKey: k.licenseKey, revoked: k.revoked }]),
  );
  const devices: DeviceRecord[] = seed.devices.map((d) => ({
    deviceId: d.deviceId,
    serialNumber: d.serialNumber,
    licenseKey: d.licenseKey ?? null,
    active: d.active,
    current: d.sessionId === undefined ? null : { id: d.sessionId, issuedAt: startedAt },
    previous: null,
  }));
  const apps: readonly AppRecord[] = seed.apps;
  const jwts = new Map<string, JwtRecord>();
  // Tokens look like HS256 JWTs (clients may log or decode them) but are checked by lookup.
  const jwtSecret = randomBytes(32);

  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  const licensed = (device: DeviceRecord): boolean => {
    const key = device.licenseKey === null ? undefined : keys.get(device.licenseKey);
    return device.active && key !== undefined && !key.revoked;
  };

  return {
    timing,
    user: (username: string) => users.get(username),
    key: (licenseKey: string) => keys.get(licenseKey),
    app: (name: string) => apps.find((a) => a.app === name),
    deviceByKey: (licenseKey: string) => devices.find((d) => d.licenseKey === licenseKey),
    deviceBySerial: (serial: string) => devices.find((d) => d.serialNumber === serial),

    issueJwt(user: UserRecord, now: number, ttlMs: number): { token: string; expiresAt: number } {
      const expiresAt = now + ttlMs;
      const header = base64url({ typ: 'JWT', alg: 'HS256' });
      const claims = base64url({
        sub: user.username,
        uid: user.id,
        iat: Math.floor(now / 1000),
        exp: Math.floor(expiresAt / 1000),
        jti: randomUUID(),
      });
      const signature = createHmac('sha256', jwtSecret)
        .update(`${header}.${claims}`)
        .digest('base64url');
      const token = `${header}.${claims}.${signature}`;
      jwts.set(token, { username: user.username, expiresAt });
      return { token, expiresAt };
    },

    /** The user behind a JWT that is known and not expired. */
    jwtUser(token: string, now: number): UserRecord | undefined {
      const record = jwts.get(token);
      if (!record || now >= record.expiresAt) return undefined;
      return users.get(record.username);
    },

    /** The device that presented a session id, or undefined when the id is unknown or expired. */
    resolveSession(id: string, now: number): DeviceRecord | undefined {
      const device = devices.find((d) => ownsSessionId(d, id));
      return device && presentSession(device, id, now, timing) ? device : undefined;
    },

    /** Active, bound to a key, and that key not revoked: what validate calls a valid licence. */
    licensed,

    createDevice(): DeviceRecord {
      const device: DeviceRecord = {
        deviceId: `dev-${randomUUID()}`,
        serialNumber: undefined,
        licenseKey: null,
        active: false,
        current: null,
        previous: null,
      };
      devices.push(device);
      return device;
    },

    /** A device holds one key and a key one device: binding moves it off any former holder. */
    bind(device: DeviceRecord, licenseKey: string): void {
      for (const other of devices) if (other.licenseKey === licenseKey) other.licenseKey = null;
      device.licenseKey = licenseKey;
      device.active = true;
    },

    mintLicenseKey(): string {
      let licenseKey = newLicenseKey();
      while (keys.has(licenseKey)) licenseKey = newLicenseKey();
      keys.set(licenseKey, { licenseKey, revoked: false });
      return licenseKey;
    },

    setRevoked(licenseKey: string, revoked: boolean): boolean {
      const record = keys.get(licenseKey);
      if (!record) return false;
      record.revoked = revoked;
      return true;
    },

    devices(): DeviceView[] {
      return devices.map((d) => ({
        deviceId: d.deviceId,
        licenseKey: d.licenseKey,
        active: licensed(d),
        sessionId: d.current?.id ?? null,
      }));
    },

    userLicences(): Record<string, number> {
      return Object.fromEntries(
        [...users.values()].map((u) => [u.username, u.availableUserLicences]),
      );
    },
  };
}
