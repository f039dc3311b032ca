import { describe, expect, it } from 'vitest';
import type { HubView } from '../../src/shared/hubs-model';
import {
  fresherHub,
  laterProgress,
  progressRatio,
  progressText,
  refreshSummary,
} from '../../src/renderer/src/lib/hubs/fleet-refresh';
import { compareHubs, nextSort, type SortOrder } from '../../src/renderer/src/lib/hubs/fleet-sort';
import { fleetView, matchesFilter, searchTerms } from '../../src/renderer/src/lib/hubs/fleet-view';
import {
  certificatePeriod,
  certificateTrust,
  hubAddress,
} from '../../src/renderer/src/lib/hubs/hub-connection';
import {
  checkHubForm,
  EMPTY_HUB_FORM,
  firstProblemField,
  formFromHub,
  type HubFormValues,
} from '../../src/renderer/src/lib/hubs/hub-form';
import {
  activityText,
  cleanLicenceCode,
  hubErrorLabel,
  isNearlyFull,
  licenceConcerns,
  licenceSummary,
  licenceCodeProblem,
  shortCodeLabel,
  usageDetails,
  usagePercentText,
  usageText,
  validityText,
} from '../../src/renderer/src/lib/hubs/hub-licence-text';
import {
  chunkCsv,
  csvFileName,
  csvRecords,
  fileLine,
  importSummary,
} from '../../src/renderer/src/lib/hubs/inventory-csv';
import { licence } from '../support/hub-views';

// The hubs screen's pure helpers: what the engineer reads in the fleet table and what its chips,
// search and column headers show. Numbers are formatted in the test machine's locale, so the
// fixtures stay below 1,000 where a grouping separator would differ.
const nb = '\u00a0';

let nextId = 0;
const hub = (change: Partial<HubView> = {}): HubView => {
  nextId += 1;
  return {
    id: `hub-${String(nextId).padStart(3, '0')}`,
    name: `Hub ${nextId}`,
    site: 'Site A',
    scheme: 'https',
    host: `10.0.0.${nextId}`,
    port: 8443,
    basePath: '',
    hid: String(nextId).padStart(6, '0'),
    lan: false,
    username: 'admin',
    hasPassword: true,
    licence: licence(),
    lastRefreshAt: 1_700_000_000_000,
    ...change,
  };
};

const offline = { code: 'offline', message: 'connect ECONNREFUSED 10.0.0.9:8443' } as const;
const timeout = { code: 'timeout', message: 'No answer in 10 s' } as const;
const refused = { code: 'invalid_credentials', message: 'The hub refused admin' } as const;

describe('usage', () => {
  it('reads as used of size in the licence’s unit', () => {
    expect(usageText(licence({ used: 850, size: 999 }))).toBe('850 of 999 points');
    expect(usageText(licence({ used: 97, size: 100, isObjectBased: true }))).toBe(
      '97 of 100 objects',
    );
  });

  it('shows whole percents rounded down, with a decimal just above 90', () => {
    expect(usagePercentText(licence({ used: 85, size: 100 }))).toBe(`85${nb}%`);
    expect(usagePercentText(licence({ used: 899, size: 1000 }))).toBe(`89${nb}%`);
    expect(usagePercentText(licence({ used: 9000, size: 10000 }))).toBe(`90${nb}%`);
    expect(usagePercentText(licence({ used: 9005, size: 10000 }))).toBe(`>90${nb}%`);
    expect(usagePercentText(licence({ used: 9055, size: 10000 }))).toBe(`90.5${nb}%`);
    expect(usagePercentText(licence({ used: 1, size: 500 }))).toBe(`<1${nb}%`);
    expect(usagePercentText(licence({ used: 0, size: 500 }))).toBe(`0${nb}%`);
    expect(usagePercentText(licence({ used: 120, size: 100 }))).toBe(`120${nb}%`);
    expect(usagePercentText(licence({ size: 0 }))).toBe('—');
  });

  it('counts as over 90 % only strictly above, as the engine does', () => {
    expect(isNearlyFull(licence({ used: 90, size: 100 }))).toBe(false);
    expect(isNearlyFull(licence({ used: 91, size: 100 }))).toBe(true);
    expect(isNearlyFull(licence({ used: 5, size: 0 }))).toBe(false);
    expect(isNearlyFull(undefined)).toBe(false);
  });

  it('explains an object-based licence by its rate, a points licence by its objects', () => {
    expect(usageDetails(licence({ isObjectBased: true, pointsPerObject: 5 }))).toEqual([
      '5 points per object',
    ]);
    expect(usageDetails(licence({ objectCount: 1, useCustomPointsMap: true }))).toEqual([
      '1 object',
      'custom points map',
    ]);
  });
});

describe('shortCodeLabel', () => {
  it('keeps the ends a masked code shows', () => {
    const dots = (n: number) => '•'.repeat(n);
    const masked = `a5d6${dots(12)}-${dots(16)}-${dots(16)}-${dots(12)}308f`;
    expect(shortCodeLabel(masked)).toBe('a5d6…308f');
    expect(shortCodeLabel(`3878${dots(4)}-${dots(4)}5f02`)).toBe('3878…5f02');
  });

  it('leaves an unmasked label alone and never shows an empty one', () => {
    expect(shortCodeLabel('38782095-410e7ab5')).toBe('38782095-410e7ab5');
    expect(shortCodeLabel('••••-••••')).toBe('••••');
  });
});

describe('states', () => {
  it('names validity and activity, and says when the hub was never read', () => {
    expect(validityText(licence())).toEqual({ label: 'Valid', tone: 'success' });
    expect(validityText(licence({ isValid: false }))).toEqual({ label: 'Invalid', tone: 'danger' });
    expect(activityText(licence({ isActive: false }))).toEqual({
      label: 'Inactive',
      tone: 'warning',
    });
    expect(validityText(undefined).label).toBe('Not read');
    expect(activityText(undefined).tone).toBe('neutral');
  });

  it('gives every error code a short label for the table', () => {
    expect(hubErrorLabel('offline')).toBe('Unreachable');
    expect(hubErrorLabel('timeout')).toBe('Timed out');
    expect(hubErrorLabel('invalid_credentials')).toBe('Sign-in refused');
    expect(hubErrorLabel('protocol')).toBe('Bad reply');
  });
});

describe('licence concerns', () => {
  it('has nothing to say about a healthy licence', () => {
    expect(licenceConcerns(licence())).toEqual([]);
  });

  it('names an invalid, inactive or too small licence, worst first', () => {
    expect(
      licenceConcerns(licence({ isValid: false, isActive: false, used: 946, size: 25 })),
    ).toEqual([
      { tone: 'danger', text: 'The hub reports this licence as not valid.' },
      { tone: 'warning', text: 'The licence is not active.' },
      { tone: 'warning', text: 'The hub uses more than the licence allows: 946 of 25 points.' },
    ]);
    expect(licenceConcerns(licence({ used: 95, size: 100, isObjectBased: true }))).toEqual([
      { tone: 'warning', text: 'Over 90 % used: 95 of 100 objects.' },
    ]);
  });

  it('sums a licence up in a few words', () => {
    expect(licenceSummary(licence({ type: 'trial', size: 25 }))).toBe('Trial, 25 points');
  });
});

describe('filters', () => {
  const healthy = hub();
  const invalid = hub({ licence: licence({ isValid: false }) });
  const inactive = hub({ licence: licence({ isActive: false }) });
  const full = hub({ licence: licence({ used: 480, size: 500 }) });
  const down = hub({ lastError: offline });
  const slow = hub({ lastError: timeout });
  const wrongPassword = hub({ lastError: refused });
  const neverRead = hub({ licence: undefined, lastRefreshAt: undefined });
  const fleet = [healthy, invalid, inactive, full, down, slow, wrongPassword, neverRead];

  it.each([
    ['invalid', [invalid]],
    ['inactive', [inactive]],
    ['nearlyFull', [full]],
    ['unreachable', [down, slow]],
    ['errors', [down, slow, wrongPassword]],
    ['all', fleet],
  ] as const)('%s keeps only the hubs it names', (filter, expected) => {
    expect(fleet.filter((candidate) => matchesFilter(candidate, filter))).toEqual(expected);
  });

  it('counts every chip over the hubs matching the search', () => {
    const view = fleetView(fleet, {
      filter: 'all',
      search: '',
      sort: { key: 'hub', direction: 'ascending' },
    });
    expect(view.counts).toEqual({
      all: 8,
      invalid: 1,
      inactive: 1,
      nearlyFull: 1,
      unreachable: 2,
      errors: 3,
    });
    expect(view.ids).toHaveLength(8);
  });

  it('searches name, site, hid and host, every word, in any case', () => {
    const boiler = hub({
      name: 'Boiler room',
      site: 'North Tower',
      hid: '00A1F3',
      host: 'hub-7.site.lan',
    });
    const other = hub({ name: 'Roof plant', site: 'South Tower' });
    const query = (search: string) =>
      fleetView([boiler, other], {
        filter: 'all',
        search,
        sort: { key: 'hub', direction: 'ascending' },
      }).ids;
    expect(query('boiler')).toEqual([boiler.id]);
    expect(query('  north   00a1 ')).toEqual([boiler.id]);
    expect(query('HUB-7.SITE')).toEqual([boiler.id]);
    expect(query('tower')).toEqual([boiler.id, other.id]);
    expect(query('tower basement')).toEqual([]);
    expect(searchTerms('  a  B ')).toEqual(['a', 'b']);
  });

  it('filters and counts together: chips follow the search', () => {
    const view = fleetView(fleet, {
      filter: 'errors',
      search: down.name,
      sort: { key: 'hub', direction: 'ascending' },
    });
    expect(view.ids).toEqual([down.id]);
    expect(view.counts.all).toBe(1);
    expect(view.counts.unreachable).toBe(1);
    expect(view.counts.invalid).toBe(0);
  });

  it('filters 1,000 hubs quickly enough to do on every keystroke', () => {
    const big = Array.from({ length: 1000 }, (_, index) =>
      hub({ name: `Hub ${index}`, licence: licence({ used: index % 500 }) }),
    );
    const started = performance.now();
    for (let round = 0; round < 20; round += 1) {
      fleetView(big, {
        filter: 'nearlyFull',
        search: 'hub 1',
        sort: { key: 'usage', direction: 'descending' },
      });
    }
    expect((performance.now() - started) / 20).toBeLessThan(25);
  });
});

describe('sorting', () => {
  const order = (hubs: readonly HubView[], sort: SortOrder) =>
    [...hubs].sort(compareHubs(sort)).map((candidate) => candidate.name);

  const a = hub({ name: 'Alpha', licence: licence({ used: 10, size: 100, type: 'trial' }) });
  const b = hub({ name: 'bravo', licence: licence({ used: 95, size: 100, isValid: false }) });
  const c = hub({
    name: 'Charlie 10',
    licence: licence({ used: 50, size: 100 }),
    lastError: refused,
  });
  const d = hub({
    name: 'Charlie 9',
    licence: undefined,
    lastRefreshAt: undefined,
    lastError: offline,
  });
  const fleet = [c, a, d, b];

  it('sorts names naturally and without regard to case', () => {
    expect(order(fleet, { key: 'hub', direction: 'ascending' })).toEqual([
      'Alpha',
      'bravo',
      'Charlie 9',
      'Charlie 10',
    ]);
  });

  it('puts hubs with no value last in both directions', () => {
    expect(order(fleet, { key: 'usage', direction: 'descending' })).toEqual([
      'bravo',
      'Charlie 10',
      'Alpha',
      'Charlie 9',
    ]);
    expect(order(fleet, { key: 'usage', direction: 'ascending' })).toEqual([
      'Alpha',
      'Charlie 10',
      'bravo',
      'Charlie 9',
    ]);
    expect(order(fleet, { key: 'error', direction: 'ascending' })).toEqual([
      'Charlie 10',
      'Charlie 9',
      'Alpha',
      'bravo',
    ]);
  });

  it('lists problems first when sorting by validity, ties by name', () => {
    expect(order(fleet, { key: 'valid', direction: 'ascending' })).toEqual([
      'bravo',
      'Alpha',
      'Charlie 10',
      'Charlie 9',
    ]);
  });

  it('is a total order: equal hubs keep one order whatever the input order', () => {
    const twins = [hub({ name: 'Same' }), hub({ name: 'Same' })];
    const sort: SortOrder = { key: 'type', direction: 'descending' };
    expect([...twins].sort(compareHubs(sort))).toEqual(
      [...twins].reverse().sort(compareHubs(sort)),
    );
  });

  it('flips the same column and starts another at its natural direction', () => {
    expect(nextSort({ key: 'hub', direction: 'ascending' }, 'hub')).toEqual({
      key: 'hub',
      direction: 'descending',
    });
    expect(nextSort({ key: 'hub', direction: 'ascending' }, 'usage')).toEqual({
      key: 'usage',
      direction: 'descending',
    });
    expect(nextSort({ key: 'usage', direction: 'descending' }, 'hid')).toEqual({
      key: 'hid',
      direction: 'ascending',
    });
  });
});

describe('progress and summaries', () => {
  const running = { running: true, total: 1000, done: 412, failed: 3, startedAt: 1 };

  it('reads the progress of a refresh', () => {
    expect(progressText({ ...running, total: 900 })).toBe('412 of 900 hubs · 3 failed');
    expect(progressText({ ...running, total: 1, done: 0, failed: 0 })).toBe('0 of 1 hub');
    expect(progressRatio(running)).toBeCloseTo(0.412);
    expect(progressRatio({ ...running, total: 0, done: 0 })).toBe(1);
  });

  it('sums up a finished refresh and an import', () => {
    expect(refreshSummary({ ...running, running: false, total: 12, done: 12, failed: 2 })).toBe(
      'Refreshed 12 hubs: 10 answered, 2 failed.',
    );
    expect(refreshSummary({ ...running, running: false, total: 1, done: 1, failed: 0 })).toBe(
      'Refreshed 1 hub: 1 answered.',
    );
    expect(importSummary({ added: 190, updated: 5, rejected: [] })).toBe(
      'Added 190 hubs and updated 5.',
    );
    expect(
      importSummary({ added: 1, updated: 0, rejected: [{ line: 3, message: 'bad hid' }] }),
    ).toBe('Added 1 hub and updated 0. 1 line was not imported.');
  });

  it('names downloads after the local time they were taken', () => {
    const at = new Date(2025, 4, 1, 14, 5);
    expect(csvFileName('inventory', at)).toBe('mobiusflow-hubs-2025-05-01-1405.csv');
    expect(csvFileName('report', at)).toBe('mobiusflow-licence-report-2025-05-01-1405.csv');
  });

  it('writes the address the app reaches a hub at', () => {
    expect(hubAddress({ scheme: 'https', host: 'hub.site.lan', port: 8443, basePath: '' })).toBe(
      'https://hub.site.lan:8443',
    );
    expect(hubAddress({ scheme: 'http', host: '10.0.4.12', port: 80, basePath: '/hubs/01' })).toBe(
      'http://10.0.4.12:80/hubs/01',
    );
  });
});

describe('certificates', () => {
  const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':');

  it('tells trusted, not yet trusted and changed apart', () => {
    expect(certificateTrust({ tlsFingerprint: fingerprint }, { pinned: true })).toBe('trusted');
    expect(certificateTrust({}, { pinned: false })).toBe('untrusted');
    expect(certificateTrust({ tlsFingerprint: fingerprint }, { pinned: false })).toBe('changed');
  });

  it('says whether the certificate is in its validity period', () => {
    const period = { validFrom: 1000, validTo: 2000 };
    expect(certificatePeriod(period, 1500)).toBe('current');
    expect(certificatePeriod(period, 999)).toBe('not-yet-valid');
    expect(certificatePeriod(period, 2001)).toBe('expired');
  });
});

describe('licence codes', () => {
  const code = 'ac04c6c3692068f7-fc52ccc5ddd3be1e-40cb6835d158ad64';

  it('drops the line breaks and spaces a pasted code carries', () => {
    expect(cleanLicenceCode(` ac04c6c3692068f7-fc52\nccc5ddd3be1e-40cb6835d158ad64 \t`)).toBe(code);
  });

  it('accepts hex groups joined by dashes in either case, and says what is wrong otherwise', () => {
    expect(licenceCodeProblem(code)).toBeNull();
    expect(licenceCodeProblem(code.toUpperCase())).toBeNull();
    expect(licenceCodeProblem('38782095-410e7ab5')).toBeNull();
    expect(licenceCodeProblem('   ')).toBe('Enter the new licence code.');
    expect(licenceCodeProblem('ac04c6c3692068f7')).toMatch(/joined by dashes/);
    expect(licenceCodeProblem('xyz-123')).toMatch(/hexadecimal/);
    expect(licenceCodeProblem(`${code}-`)).toMatch(/joined by dashes/);
    expect(licenceCodeProblem(`a-${'b'.repeat(1000)}`)).toMatch(/at most 1,000/);
  });
});

describe('the add / edit form', () => {
  const filled: HubFormValues = {
    ...EMPTY_HUB_FORM,
    name: ' Boiler room ',
    site: 'North Tower',
    host: 'hub-7.site.lan',
    hid: '00A1F3',
    username: 'admin',
    password: 'admin123',
  };

  it('turns a complete form into the draft the contract takes', () => {
    expect(checkHubForm(filled, 'add')).toEqual({
      ok: true,
      draft: {
        name: ' Boiler room ',
        site: 'North Tower',
        scheme: 'https',
        host: 'hub-7.site.lan',
        port: 8443,
        basePath: '',
        hid: '00A1F3',
        lan: false,
        username: 'admin',
        password: 'admin123',
      },
    });
  });

  it('says what is wrong with each field, as sentences, in screen order', () => {
    const check = checkHubForm(
      { ...EMPTY_HUB_FORM, host: 'has space', port: '70000', hid: 'xyz', basePath: 'no-slash' },
      'add',
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual({
      name: 'Give the hub a name.',
      host: 'A host is a name or an IP address, without spaces or a path.',
      port: 'A port is a whole number from 1 to 65535.',
      basePath: 'A base path looks like /hubs/000001 (or is empty).',
      hid: 'A hub id is 6 hexadecimal characters, e.g. 00A1F3.',
      username: 'Enter the hub account name.',
      password: 'Enter the password of the hub account.',
    });
    expect(firstProblemField(check.problems)).toBe('name');
  });

  it('allows plain http only for a hub ticked as on the site LAN', () => {
    const http = { ...filled, scheme: 'http' as const, port: '80' };
    const refusedCheck = checkHubForm(http, 'add');
    expect(refusedCheck.ok).toBe(false);
    if (!refusedCheck.ok) expect(refusedCheck.problems.scheme).toMatch(/site LAN/);
    expect(checkHubForm({ ...http, lan: true }, 'add').ok).toBe(true);
  });

  it('keeps the stored password on edit when the field is left blank', () => {
    const existing = hub({ name: 'Boiler room', hid: '00A1F3', port: 9081 });
    const values = formFromHub(existing);
    expect(values.password).toBe('');
    expect(values.port).toBe('9081');
    const check = checkHubForm(values, 'edit');
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.draft).not.toHaveProperty('password');
      expect(check.draft.port).toBe(9081);
    }
    expect(checkHubForm(values, 'add').ok).toBe(false);
  });

  it('leaves an empty port to the contract’s default', () => {
    const check = checkHubForm({ ...filled, port: ' ' }, 'add');
    expect(check.ok && check.draft).not.toHaveProperty('port');
  });
});

describe('answers arriving out of order', () => {
  const read = (at: number | undefined) => hub({ id: 'same', lastRefreshAt: at });

  it('keeps the hub read last, whichever answer arrives last', () => {
    const older = read(1000);
    const newer = read(2000);
    expect(fresherHub(older, newer)).toBe(newer);
    expect(fresherHub(newer, older)).toBe(newer);
    expect(fresherHub(undefined, older)).toBe(older);
    // An edit answers with the same read time and new settings: the answer wins.
    const edited = { ...newer, name: 'Renamed' };
    expect(fresherHub(newer, edited)).toBe(edited);
    // A view that was never read does not replace one that was.
    expect(fresherHub(newer, read(undefined))).toBe(newer);
  });

  const run = (startedAt: number, done: number, running = true) => ({
    running,
    total: 10,
    done,
    failed: 0,
    startedAt,
  });

  it('keeps the later progress of a run and ignores an earlier run', () => {
    expect(laterProgress(run(100, 4), run(100, 6))).toEqual(run(100, 6));
    expect(laterProgress(run(100, 6), run(100, 4))).toEqual(run(100, 6));
    expect(laterProgress(run(200, 1), run(100, 9))).toEqual(run(200, 1));
    expect(laterProgress(run(100, 9), run(200, 0))).toEqual(run(200, 0));
  });

  it('does not reopen a finished run with a late event from its middle', () => {
    const finished = run(100, 10, false);
    expect(laterProgress(finished, run(100, 9))).toBe(finished);
    expect(laterProgress(run(100, 9), finished)).toBe(finished);
  });

  it('takes any report when either side has never run', () => {
    const idle = { running: false, total: 0, done: 0, failed: 0 };
    expect(laterProgress(idle, run(100, 1))).toEqual(run(100, 1));
    expect(laterProgress(run(100, 1), idle)).toBe(idle);
  });
});

describe('importing a large CSV in pieces', () => {
  const header = 'name,site,host,hid';
  const csv = [header, 'A,S,h1,000001', '', '"B, the second",S,h2,000002', 'C,S,h3,000003'].join(
    '\r\n',
  );

  it('finds each record and the line it starts on, skipping blank lines', () => {
    expect(csvRecords(csv)).toEqual([
      { text: header, line: 1 },
      { text: 'A,S,h1,000001', line: 2 },
      { text: '"B, the second",S,h2,000002', line: 4 },
      { text: 'C,S,h3,000003', line: 5 },
    ]);
  });

  it('keeps a line break inside quotes in its record', () => {
    const quoted = `${header}\n"Boiler\nroom",S,h1,000001\nC,S,h3,000003\n`;
    expect(csvRecords(quoted)).toEqual([
      { text: header, line: 1 },
      { text: '"Boiler\nroom",S,h1,000001', line: 2 },
      { text: 'C,S,h3,000003', line: 4 },
    ]);
  });

  it('packs records under the size, each piece with the header, lines mapped back', () => {
    const chunks = chunkCsv(csv, header.length + 2 + 50);
    expect(chunks.map((chunk) => chunk.csv)).toEqual([
      `${header}\r\nA,S,h1,000001\r\n"B, the second",S,h2,000002\r\n`,
      `${header}\r\nC,S,h3,000003\r\n`,
    ]);
    expect(chunks.map((chunk) => chunk.lines)).toEqual([[2, 4], [5]]);
    // The core's "line 3" of the first piece is the file's line 4.
    const [first, second] = chunks;
    expect(first && fileLine(first, 3)).toBe(4);
    expect(second && fileLine(second, 2)).toBe(5);
  });

  it('sends 1,000 hubs in a few pieces, none over the size, every record once', () => {
    const lines = Array.from(
      { length: 1000 },
      (_, index) =>
        `Hub ${index},Site,10.0.${index >> 8}.${index & 255},${String(index).padStart(6, '0')}`,
    );
    const chunks = chunkCsv([header, ...lines].join('\n'), 16_000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(10);
    for (const chunk of chunks) expect(chunk.csv.length).toBeLessThanOrEqual(16_000);
    expect(chunks.flatMap((chunk) => chunk.lines)).toEqual(lines.map((_, index) => index + 2));
  });

  it('sends a file without records whole, for the core to judge', () => {
    expect(chunkCsv('name,site\n', 100)).toEqual([{ csv: 'name,site\n', lines: [] }]);
    expect(chunkCsv('', 100)).toEqual([{ csv: '', lines: [] }]);
  });
});
