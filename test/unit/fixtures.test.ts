import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const fixture = join(__dirname, '../fixtures/flecs-openapi.yaml');
const contract = join(__dirname, '../../../shared/backends/flecs-openapi.yaml');
const hasContract = existsSync(contract);
if (!hasContract)
  console.log('fixture drift check skipped: shared/backends is not beside this clone.');

describe.skipIf(!hasContract)('vendored fixtures', () => {
  it('flecs-openapi.yaml is an unchanged copy of the contract file', () => {
    expect(readFileSync(fixture, 'utf8')).toBe(readFileSync(contract, 'utf8'));
  });
});
