import type { ActivationMethod, BackendKind, LicenceMode } from '../../shared/model';
import type { Text } from '../../shared/text';

/**
 * The lifecycle every licensing adapter implements. Adapters are factories returning plain objects
 * (`createSeatsBackend(options)`); optional capabilities hang off the object as sub-objects.
 *
 * Adapters throw only LicensingError, with a code and a message a person can act on. Secret
 * values (tokens, keys) appear in these types because they live in main; the service masks them
 * before anything leaves the process.
 */

/** What the person gives to activate. Passwords are used for the one call and never kept. */
export type Credentials =
  | { readonly method: 'key'; readonly key: string }
  | { readonly method: 'account'; readonly username: string; readonly password: string }
  | { readonly method: 'serial' };

export interface ActivationRecord {
  readonly licenseId: string;
  /** Secret: a licence key the server issued during activation (FLECS user licences): keep it. */
  readonly issuedKey?: string;
  /** False when the server answers that the licence is not valid (not an error). */
  readonly valid?: boolean;
  /**
   * Why, for a person: a Text the screens translate, or a string shown as it is (English, or the
   * server's own words).
   */
  readonly invalidReason?: Text | string;
  readonly mode: LicenceMode;
  /** Secret: the server's activation token for this machine, when the mode has one. */
  readonly token?: string;
  readonly tokenExpiresAt?: number;
  /** Epoch ms; absent when the licence does not expire. */
  readonly expiresAt?: number;
  readonly supportExpiresAt?: number;
  readonly activeClients: number;
  readonly maxClients: number;
}

/** A floating seat held from the pool. */
export interface Lease {
  readonly licenseId: string;
  /** Secret: the floating token. */
  readonly token: string;
  /** When the server lets the seat go without a heartbeat (epoch ms). */
  readonly expiresAt: number;
  /** The server's heartbeat interval in ms. */
  readonly heartbeatIntervalMs: number;
  readonly activeClients: number;
  readonly maxClients: number;
}

export interface SeatHolder {
  /** Secret on the wire; masked by the service before display. */
  readonly token: string;
  readonly kind: 'activation' | 'floating';
  readonly clientId: string;
  readonly clientName: string;
  readonly clientAddr?: string;
  readonly machineId: string;
  readonly issuedAt?: number;
  readonly expiresAt?: number;
  readonly lastHeartbeatAt?: number;
  readonly revoked: boolean;
}

export interface SeatPool {
  readonly licenseId: string;
  readonly mode: LicenceMode;
  readonly activeClients: number;
  readonly maxClients: number;
  readonly revoked: boolean;
  readonly issuedAt?: number;
  readonly expiresAt?: number;
  readonly supportExpiresAt?: number;
  readonly holders: readonly SeatHolder[];
}

export interface SeatCapability {
  /** Takes a floating seat from the pool (`seat_unavailable` when none is free). */
  request(key: string): Promise<Lease>;
  /** Heartbeat: extends the lease. `seat_lost` when the server no longer knows it. */
  renew(lease: Lease): Promise<Lease>;
  /** Gives the seat back. Releasing a seat the server already dropped is not an error. */
  release(lease: Lease): Promise<void>;
  /** Who holds seats on this licence. */
  info(key: string): Promise<SeatPool>;
}

export interface LicensingBackend {
  readonly kind: BackendKind;
  /** The activation methods this backend (as configured) accepts. */
  readonly activationMethods: readonly ActivationMethod[];
  /** Re-check an activation this often while the app runs (server-side revocation, rotation). */
  readonly revalidateEveryMs?: number;
  /** Binds this machine (activation licences) or verifies the key (floating licences). */
  activate(credentials: Credentials): Promise<ActivationRecord>;
  /** Re-checks the activation with the server; the stored licence key when there is one. */
  validate(key: string | undefined): Promise<ActivationRecord>;
  /** Unbinds this machine. Deactivating what the server no longer has is not an error. */
  deactivate(key: string | undefined): Promise<void>;
  readonly seats?: SeatCapability;
}

/** Who this app instance is, as every adapter reports it to its server. */
export interface ClientIdentity {
  /** Salted machine fingerprint (never the raw machine id). */
  readonly machineId: string;
  /** One id per installation, stable across runs. */
  readonly clientId: string;
  /** Human-readable name of this computer. */
  readonly clientName: string;
}
