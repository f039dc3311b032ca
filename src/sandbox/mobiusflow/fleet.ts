import { ADMIN_ROLES, codeKey, hidKey, type HubFault } from './formats';
import { mulberry32, uuid } from './prng';
import type { ParsedMobiusFlowSeed, SeedEntitlement } from './seed';

/**
 * The live state of every emulated hub plus the engine's code table. Plain maps and records, no
 * timers: 1,000 hubs cost a few hundred kilobytes and start in milliseconds.
 */

/** The `data` of GET /api/v2/mobius/licence/{hid}, keys in the order of the vendor's example. */
export type HubLicenceState = {
  licenceCode: string;
  size: number;
  used: number;
  isActive: boolean;
  isValid: boolean;
  type: string;
  objectCount: number;
  isObjectBased: boolean;
  pointsPerObject: number;
  useCustomPointsMap: boolean;
};

type Entitlement = Omit<HubLicenceState, 'licenceCode' | 'used' | 'objectCount'>;

/** What a hub reports for a well-formed code the engine has never issued (ASSUME). */
const UNKNOWN_CODE: Entitlement = {
  size: 0,
  isActive: false,
  isValid: false,
  type: 'unknown',
  isObjectBased: false,
  pointsPerObject: 0,
  useCustomPointsMap: false,
};

export interface HubRecord {
  /** As seeded; echoed as `uri`. Lookups ignore case. */
  readonly hid: string;
  readonly name: string;
  readonly site: string;
  readonly username: string;
  readonly password: string;
  /** The account's `_id` claim. */
  readonly userId: string;
  /** The account's role bitmask, put in each access token at sign-in; an admin's 255 by default. */
  roles: number;
  fault: HubFault | undefined;
  /** Lower case. */
  licenceCode: string;
  /** What the hub has configured; a new code never changes it. */
  readonly used: number;
  readonly objectCount: number;
}

export interface Fleet {
  readonly hubs: readonly HubRecord[];
  find(hid: string): HubRecord | undefined;
  licenceOf(hub: HubRecord): HubLicenceState;
  /** Installs a well-formed code; 'in-use' when another hub holds it (one device per licence). */
  install(hub: HubRecord, code: string): 'installed' | 'in-use';
  /** Known codes no hub holds right now, in table order. */
  spareCodes(): string[];
}

/** A stable `_id` for seeds that leave it out, so tokens read the same on every run. */
const derivedUserId = (hid: string): string =>
  uuid(mulberry32(Number.parseInt(hid, 16) ^ 0x75736572));

function entitlementOf(entry: SeedEntitlement): Entitlement {
  return {
    size: entry.size,
    isActive: entry.isActive,
    isValid: entry.isValid,
    type: entry.type,
    isObjectBased: entry.isObjectBased,
    pointsPerObject: entry.pointsPerObject,
    useCustomPointsMap: entry.useCustomPointsMap,
  };
}

export function createFleet(seed: ParsedMobiusFlowSeed): Fleet {
  const table = new Map<string, Entitlement>();
  for (const entry of seed.codes) table.set(codeKey(entry.code), entitlementOf(entry));

  const byHid = new Map<string, HubRecord>();
  /** code -> the hub it is installed on. */
  const holders = new Map<string, HubRecord>();
  const hubs = seed.hubs.map((hub): HubRecord => {
    const record: HubRecord = {
      hid: hub.hid,
      name: hub.name,
      site: hub.site,
      username: hub.username,
      password: hub.password,
      userId: hub.userId ?? derivedUserId(hub.hid),
      roles: ADMIN_ROLES,
      fault: hub.fault,
      licenceCode: codeKey(hub.licenceCode),
      used: hub.used,
      objectCount: hub.objectCount,
    };
    byHid.set(hidKey(hub.hid), record);
    holders.set(record.licenceCode, record);
    return record;
  });

  return {
    hubs,
    find: (hid) => byHid.get(hidKey(hid)),
    licenceOf(hub) {
      const entitlement = table.get(hub.licenceCode) ?? UNKNOWN_CODE;
      // Built field by field: the order is the wire order of the vendor's example.
      return {
        licenceCode: hub.licenceCode,
        size: entitlement.size,
        used: hub.used,
        isActive: entitlement.isActive,
        isValid: entitlement.isValid,
        type: entitlement.type,
        objectCount: hub.objectCount,
        isObjectBased: entitlement.isObjectBased,
        pointsPerObject: entitlement.pointsPerObject,
        useCustomPointsMap: entitlement.useCustomPointsMap,
      };
    },
    install(hub, code) {
      const key = codeKey(code);
      const holder = holders.get(key);
      if (holder !== undefined && holder !== hub) return 'in-use';
      // The replaced code is free again for another hub.
      holders.delete(hub.licenceCode);
      holders.set(key, hub);
      hub.licenceCode = key;
      return 'installed';
    },
    spareCodes: () => [...table.keys()].filter((code) => !holders.has(code)),
  };
}
