import { generateLicenceCode, HUB_FAULTS, hidOf, type HubFault } from './formats';
import { below, hex, mulberry32, pick, uuid, type Random } from './prng';
import type { ParsedMobiusFlowSeed, SeedEntitlement, SeedHub } from './seed';

/**
 * Generated fleets for scale tests (`hubs: N`): hids 000001.. in hex, one account and one
 * installed licence per hub, a varied mix of licence kinds, and spare codes to PUT. Everything
 * comes from fixed PRNG seeds, so the same N and faultRate always give the same fleet; faults use
 * their own stream so changing faultRate never changes anyone's credentials or licence.
 */

const FLEET_SEED = 0x6d6f6269; // "mobi"
const FAULT_SEED = 0x66617574; // "faut"

type Entitlement = Omit<SeedEntitlement, 'code' | '$comment'>;

/** The licence kinds a real estate mixes: mostly production point-based, some object-based, trials. */
function drawEntitlement(random: Random): Entitlement {
  const kind = random();
  const objectBased = kind >= 0.55 && (kind < 0.75 || kind >= 0.9);
  const trial = kind >= 0.75;
  let size: number;
  if (trial) size = objectBased ? pick(random, [10, 25, 50]) : pick(random, [25, 50, 100]);
  else
    size = objectBased ? pick(random, [50, 100, 200, 500]) : pick(random, [250, 500, 1000, 5000]);
  return {
    type: trial ? 'trial' : 'production',
    size,
    isActive: true,
    isValid: true,
    isObjectBased: objectBased,
    pointsPerObject: objectBased ? pick(random, [4, 5, 8, 10]) : 0,
    useCustomPointsMap: !objectBased && random() < 0.25,
  };
}

/** "A".."Z", then "AA", "AB"..: as many sites as a fleet needs, roughly 8 hubs each. */
function siteName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return `Site ${name}`;
}

/** Exactly round(count × faultRate) hubs, picked by a partial shuffle, kinds taken in turn. */
function assignFaults(count: number, faultRate: number): Map<number, HubFault> {
  const random = mulberry32(FAULT_SEED);
  const shuffled = Array.from({ length: count }, (_, index) => ({ index, key: random() })).sort(
    (a, b) => a.key - b.key,
  );
  const faults = new Map<number, HubFault>();
  shuffled.slice(0, Math.round(count * faultRate)).forEach(({ index }, turn) => {
    faults.set(index, HUB_FAULTS[turn % HUB_FAULTS.length] ?? 'down');
  });
  return faults;
}

/**
 * Already in the parsed shape: correct by construction, so a 1,000-hub engine skips the schema
 * and starts faster (a test runs the schema over a generated fleet to keep that claim honest).
 */
export function generateFleetSeed(count: number, faultRate: number): ParsedMobiusFlowSeed {
  const random = mulberry32(FLEET_SEED);
  const sites = Math.max(1, Math.ceil(count / 8));
  const faults = assignFaults(count, faultRate);
  const codes: SeedEntitlement[] = [];
  const hubs: SeedHub[] = [];

  for (let i = 0; i < count; i++) {
    const entitlement = drawEntitlement(random);
    // A few licences that no longer verify or were switched off, so a fleet view has some red.
    entitlement.isValid = random() >= 0.04;
    entitlement.isActive = random() >= 0.04;
    const code = generateLicenceCode(random);
    codes.push({ code, ...entitlement });
    // One hub in ten is nearly full (over 90% used); the rest anywhere up to 85%.
    const share = random() < 0.1 ? 0.9 + random() * 0.1 : random() * 0.85;
    const used = Math.floor(entitlement.size * share);
    const site = siteName(below(random, sites));
    const fault = faults.get(i);
    hubs.push({
      hid: hidOf(i + 1),
      name: `Hub ${String(i + 1).padStart(4, '0')} · ${site}`,
      site,
      username: 'admin',
      password: `mf-${hex(random, 12)}`,
      userId: uuid(random),
      licenceCode: code,
      used,
      objectCount: entitlement.isObjectBased ? used : Math.ceil(used / (6 + below(random, 10))),
      ...(fault ? { fault } : {}),
    });
  }
  const spare = Math.max(8, Math.ceil(count / 10));
  for (let i = 0; i < spare; i++) {
    codes.push({ ...drawEntitlement(random), code: generateLicenceCode(random) });
  }
  return { codes, hubs };
}
