import { resolveSeedInstant, type ParsedEnirisSeed } from './seed';

/**
 * The in-memory database of one Eniris sandbox: accounts with their customer rights, controllers
 * (nodes) and licences. Tokens live in tokens.ts. Rights collapse the vendor's role/"monitors
 * relation" model to a per-user allow-list of customers (contract 4.5): a user may act on the
 * licences of those customers and on the controllers those customers own.
 */

export interface EnirisLicenceRecord {
  readonly id: string;
  readonly key: string;
  readonly customerId: string;
  readonly gridKw: number | null;
  readonly solarKw: number | null;
  readonly batteryKw: number | null;
  readonly evKw: number | null;
  /** Days. */
  readonly duration: number;
  readonly type: string;
  /** Epoch milliseconds, whole seconds (the wire carries second precision). */
  readonly creationDate: number;
  activationDate: number | null;
  deactivationDate: number | null;
  /** The controller the licence is claimed for: its license_datalink row. */
  nodeId: string | null;
}

export interface EnirisUser {
  readonly id: number;
  readonly username: string;
  /** Absent: the account has no password info (NO_PASSWORD_INFO). */
  readonly password: string | undefined;
  readonly customers: ReadonlySet<string>;
}

export interface EnirisNode {
  readonly nodeId: string;
  readonly datalinkId: string;
  readonly customerId: string;
}

export type ClaimOutcome = 'claimed' | 'already-claimed-here' | 'claimed-elsewhere';

export interface EnirisState {
  userByName(username: string): EnirisUser | undefined;
  userById(id: number): EnirisUser | undefined;
  hasCustomer(customerId: string): boolean;
  node(nodeId: string): EnirisNode | undefined;
  licence(key: string): EnirisLicenceRecord | undefined;
  licencesOfCustomer(customerId: string): EnirisLicenceRecord[];
  licencesOfNode(nodeId: string): EnirisLicenceRecord[];
  /** The datalink ids the licence is linked to (at most one: a licence has one controller). */
  datalinksOf(licence: EnirisLicenceRecord): string[];
  /** Sets the activation date unless one is set already (activation is idempotent). */
  activate(licence: EnirisLicenceRecord, at: number): void;
  claim(licence: EnirisLicenceRecord, nodeId: string): ClaimOutcome;
  /** What the vendor's console does; not reachable through the public API. */
  deactivate(licence: EnirisLicenceRecord, at: number): void;
  allLicences(): EnirisLicenceRecord[];
}

export function mayActOn(user: EnirisUser, customerId: string): boolean {
  return user.customers.has(customerId);
}

export function createEnirisState(seed: ParsedEnirisSeed, now: number): EnirisState {
  const users = seed.users.map((u): EnirisUser => ({
    id: u.id,
    username: u.username,
    password: u.password,
    customers: new Set(u.customers),
  }));
  const customers = new Set(seed.customers.map((c) => c.id));
  const nodes = new Map(seed.nodes.map((n) => [n.nodeId, { ...n }] as const));
  const at = (instant: Parameters<typeof resolveSeedInstant>[0] | null) =>
    instant === null ? null : resolveSeedInstant(instant, now);
  // Seed order is creation order, which is the order every listing answers in.
  const licences: EnirisLicenceRecord[] = seed.licenses.map((l) => ({
    id: l.id,
    key: l.key,
    customerId: l.customerId,
    gridKw: l.gridKw,
    solarKw: l.solarKw,
    batteryKw: l.batteryKw,
    evKw: l.evKw,
    duration: l.duration,
    type: l.type,
    creationDate: resolveSeedInstant(l.creationDate, now),
    activationDate: at(l.activationDate),
    deactivationDate: at(l.deactivationDate),
    nodeId: l.nodeId,
  }));

  return {
    userByName: (username) => users.find((u) => u.username === username),
    userById: (id) => users.find((u) => u.id === id),
    hasCustomer: (customerId) => customers.has(customerId),
    node: (nodeId) => nodes.get(nodeId),
    licence: (key) => licences.find((l) => l.key === key),
    licencesOfCustomer: (customerId) => licences.filter((l) => l.customerId === customerId),
    licencesOfNode: (nodeId) => licences.filter((l) => l.nodeId === nodeId),
    datalinksOf: (licence) => {
      const node = licence.nodeId === null ? undefined : nodes.get(licence.nodeId);
      return node ? [node.datalinkId] : [];
    },
    activate(licence, when) {
      licence.activationDate ??= Math.floor(when / 1000) * 1000;
    },
    claim(licence, nodeId) {
      if (licence.nodeId === nodeId) return 'already-claimed-here';
      if (licence.nodeId !== null) return 'claimed-elsewhere';
      licence.nodeId = nodeId;
      return 'claimed';
    },
    deactivate(licence, when) {
      licence.activationDate ??= Math.floor(when / 1000) * 1000;
      licence.deactivationDate ??= Math.floor(when / 1000) * 1000;
    },
    allLicences: () => [...licences],
  };
}
