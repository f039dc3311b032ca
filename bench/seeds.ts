import type { BabelSeed } from '../src/sandbox';
import babelDemo from '../src/sandbox/babel/demo-seed.json';
import { parseBabelSeed } from '../src/sandbox/babel/seed';
import lsDemo from '../src/sandbox/licensespring/demo-seed.json';
import { parseLicenseSpringSeed, type LicenseSpringSeed } from '../src/sandbox/licensespring/seed';

/**
 * The sandboxes' demo seeds with extra floating licences cloned from the demo's own, so a
 * benchmark can give every lease its own pool. Validated by the sandboxes' seed parsers.
 */
export function babelSeedWithPools(pools: readonly { key: string; seats?: number }[]): BabelSeed {
  const floating = babelDemo.licenses.find((licence) => licence.licensingMode === 2);
  if (!floating) throw new Error('the Babel demo seed has no floating licence');
  return parseBabelSeed({
    ...babelDemo,
    licenses: [
      ...babelDemo.licenses,
      ...pools.map((pool, i) => ({
        ...floating,
        userKey: pool.key,
        licenseId: `lic${(0xb0000000 + i).toString(16).toUpperCase()}`,
        maxClientCount: pool.seats ?? floating.maxClientCount,
        holders: [],
      })),
    ],
  });
}

export function licenseSpringSeedWithFloating(keys: readonly string[]): LicenseSpringSeed {
  const floating = lsDemo.licenses.find(
    (licence) => licence.licenseKey === lsDemo.demo.floatingKey,
  );
  if (!floating) throw new Error('the LicenseSpring demo seed has no floating licence');
  return parseLicenseSpringSeed({
    ...lsDemo,
    licenses: [
      ...lsDemo.licenses,
      ...keys.map((licenseKey, i) => ({ ...floating, licenseKey, id: 1_700_000_009_000_000 + i })),
    ],
  });
}
