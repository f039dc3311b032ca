import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  guardFormula,
  parseCsv,
  serialiseCsv,
  unguardFormula,
} from '../../src/main/hubs/csv';
import { readInventoryCsv, writeInventoryCsv } from '../../src/main/hubs/hub-csv';
import { newRecord } from '../../src/main/hubs/hub-edits';
import { writeHubReport } from '../../src/main/hubs/hub-report';
import type { HubRecord } from '../../src/main/hubs/hub-records';
import { hubDraftSchema } from '../../src/shared/hubs-model';
import { inGerman } from '../support/in-german';

const HEADER = 'name,site,scheme,host,port,base_path,hid,lan,username,password';

describe('csv: RFC 4180 reading', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const { records, errors } = parseCsv(
      'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nplain,,last\r\n',
    );
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'two\r\nlines'] },
      // The quoted line break moved this record to line 4.
      { line: 4, cells: ['plain', '', 'last'] },
    ]);
  });

  it('takes LF and CR line ends, a byte-order mark, blank lines and a missing final newline', () => {
    const { records } = parseCsv('\uFEFFa,b\n1,2\r\n\n3,4\r5,6');
    expect(records.map((record) => [record.line, ...record.cells])).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
      [4, '3', '4'],
      [5, '5', '6'],
    ]);
  });

  it('reads ; as the separator when the header uses it (European Excel)', () => {
    expect(parseCsv('a;b\r\n"1;2";3\r\n').records[1]?.cells).toEqual(['1;2', '3']);
  });

  it('reports an unclosed quote on the line where the record started', () => {
    const { records, errors } = parseCsv('a,b\r\n1,2\r\n"open,3\r\nmore\r\n');
    expect(records).toHaveLength(2);
    expect(errors).toMatchObject([{ line: 3, message: expect.stringMatching(/not closed/) }]);
  });

  it('round-trips any table through serialise and parse', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\r\n', '\n', 'é', '0'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const back = parseCsv(serialiseCsv(rows)).records.map((record) => record.cells);
          expect(back).toEqual(rows);
        },
      ),
    );
  });

  it('quotes only what needs it', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('keeps spreadsheet formulas inert, and undoes that on import', () => {
    for (const text of ['=1+1', '+CMD', '-2', '@SUM(A1)']) {
      expect(guardFormula(text)).toBe(`'${text}`);
      expect(unguardFormula(guardFormula(text))).toBe(text);
    }
    expect(guardFormula('Plant room')).toBe('Plant room');
    expect(unguardFormula("'quoted name")).toBe("'quoted name");
  });
});

describe('hub inventory CSV', () => {
  it('reads each line into a draft, with the defaults of the form', () => {
    const { lines, rejected } = readInventoryCsv(
      `${HEADER}\r\nPlant room,"Leeds, Site 3",https,10.0.0.7,,,00a1f3,,admin,"p,w ""1"""\r\nLAN hub,,HTTP,hub.local,9081,/hubs/000001,000001,yes,ops,\r\n`,
    );
    expect(rejected).toEqual([]);
    expect(lines).toEqual([
      {
        line: 2,
        draft: {
          name: 'Plant room',
          site: 'Leeds, Site 3',
          scheme: 'https',
          host: '10.0.0.7',
          port: 8443,
          basePath: '',
          hid: '00a1f3',
          lan: false,
          username: 'admin',
          password: 'p,w "1"',
        },
      },
      {
        line: 3,
        draft: expect.objectContaining({
          scheme: 'http',
          port: 9081,
          basePath: '/hubs/000001',
          lan: true,
        }),
      },
    ]);
    expect(lines[1]?.draft.password).toBeUndefined();
  });

  it('rejects bad lines with their numbers and why, and keeps the good ones', () => {
    const csv = [
      HEADER,
      'ok,,https,h1,8443,,000001,no,admin,pw',
      ',,https,h2,8443,,000002,no,admin,pw',
      'plain,,http,h3,80,,000003,no,admin,pw',
      'bad hid,,https,h4,8443,,12345G,no,admin,pw',
      'bad port,,https,h5,eighty,,000005,no,admin,pw',
      '"multi\nline name",,https,h6,8443,,000006,maybe,admin,pw',
      'too,many,fields,h7,1,,000007,no,admin,pw,extra',
      'ok too,,https,h8,8443,,000008,no,admin,pw',
    ].join('\r\n');
    const { lines, rejected } = readInventoryCsv(csv);
    expect(lines.map((line) => [line.line, line.draft.name])).toEqual([
      [2, 'ok'],
      [10, 'ok too'],
    ]);
    expect(rejected).toMatchObject([
      { line: 3, message: 'name: give the hub a name' },
      {
        line: 4,
        message: 'scheme: plain http is allowed only for a hub marked as on the site LAN',
      },
      { line: 5, message: expect.stringMatching(/^hid: a hub id is 6 hexadecimal characters/) },
      { line: 6, message: 'port: "eighty" is not a port number' },
      { line: 7, message: 'lan: write yes or no, not "maybe"' },
      { line: 9, message: expect.stringMatching(/11 fields but the header names 10/) },
    ]);
  });

  it("says zod's words of a line in German too, with the columns as named", () => {
    const csv = [
      HEADER,
      `${'N'.repeat(81)},,ftp,h1,0,,000001,no,admin,pw`,
      `ok,${'S'.repeat(81)},https,h2,8443,,000002,no,admin,${'p'.repeat(257)}`,
    ].join('\r\n');
    const { rejected } = readInventoryCsv(csv);
    expect(rejected.map((line) => [line.line, line.message])).toEqual([
      [
        2,
        'name: Too big: expected string to have <=80 characters; scheme: Invalid option: expected one of "http"|"https"; port: Too small: expected number to be >=1',
      ],
      [
        3,
        'site: Too big: expected string to have <=80 characters; password: Too big: expected string to have <=256 characters',
      ],
    ]);
    expect(rejected.map((line) => [line.line, inGerman(line)])).toEqual([
      [
        2,
        '„name“: höchstens 80 Zeichen; „scheme“: muss einer dieser Werte sein: "http"|"https"; „port“: mindestens 1',
      ],
      [3, '„site“: höchstens 80 Zeichen; „password“: höchstens 256 Zeichen'],
    ]);
  });

  it.each([
    ['an unknown column', 'name,host,hid,username,pasword', /unknown column "pasword"/],
    ['a missing column', 'name,host,username', /lacks the column hid/],
    ['a repeated column', 'name,host,hid,username,host', /"host" appears twice/],
  ])('refuses the whole file for %s in the header (line 1)', (_label, header, message) => {
    const { lines, rejected } = readInventoryCsv(`${header}\r\nx,h,000001,u,pw\r\n`);
    expect(lines).toEqual([]);
    expect(rejected).toMatchObject([{ line: 1, message: expect.stringMatching(message) }]);
  });

  it('says so when the file is empty', () => {
    expect(readInventoryCsv('\r\n').rejected).toMatchObject([
      { line: 1, message: expect.stringMatching(/the file is empty/) },
    ]);
  });

  it('accepts header spellings a spreadsheet user might type, in any order', () => {
    const { lines } = readInventoryCsv('HID,Base Path,Name,Host,User Name\r\n000001,/x,n,h,u\r\n');
    expect(lines[0]?.draft).toMatchObject({
      hid: '000001',
      basePath: '/x',
      name: 'n',
      username: 'u',
    });
  });

  it('exports without passwords and reads its own export back unchanged', () => {
    const drafts = [
      {
        name: '=HYPERLINK("x")',
        site: 'Site "A", north',
        host: 'hub-1.example',
        hid: '00A1F3',
        username: 'admin',
      },
      {
        name: 'LAN',
        scheme: 'http',
        lan: true,
        host: '192.168.1.20',
        port: 9081,
        basePath: '/hubs/000002',
        hid: '000002',
        username: 'ops',
      },
    ].map((draft) => hubDraftSchema.parse({ ...draft, password: 'secret-pw' }));
    const records = drafts.map((draft) => newRecord(draft));
    const csv = writeInventoryCsv(records);
    expect(csv).not.toContain('secret-pw');
    expect(csv.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)"/);
    const { lines, rejected } = readInventoryCsv(csv);
    expect(rejected).toEqual([]);
    expect(lines.map((line) => line.draft)).toEqual(
      drafts.map(({ password: _password, ...rest }) => rest),
    );
  });
});

describe('hand-over report', () => {
  it('has one line per hub, sorted by site, with usage and the masked code', () => {
    const base = newRecord(
      hubDraftSchema.parse({ name: 'B', site: 'North', host: 'h', hid: '000001', username: 'u' }),
    );
    const read: HubRecord = {
      ...base,
      licence: {
        codeLabel: 'c248••••-••••5417',
        type: 'production',
        isValid: true,
        isActive: true,
        size: 400,
        used: 301,
        objectCount: 20,
        isObjectBased: true,
        pointsPerObject: 15,
        useCustomPointsMap: false,
        reportedAt: Date.UTC(2026, 0, 2),
      },
      lastRefreshAt: Date.UTC(2026, 0, 2, 3, 4, 5),
    };
    const failed: HubRecord = {
      ...newRecord(
        hubDraftSchema.parse({ name: 'A', site: 'East', host: 'h2', hid: '000002', username: 'u' }),
      ),
      lastRefreshAt: Date.UTC(2026, 0, 2),
      lastError: { code: 'offline', message: 'Cannot reach h2: connection refused.' },
    };
    const lines = writeHubReport([read, failed]).split('\r\n');
    expect(lines[0]).toBe(
      'site,name,hid,host,type,valid,active,used,size,usage %,object based,objects,points per object,licence (masked),last refresh (ISO),error',
    );
    expect(lines[1]).toBe(
      'East,A,000002,h2,,,,,,,,,,,2026-01-02T00:00:00.000Z,Cannot reach h2: connection refused.',
    );
    expect(lines[2]).toBe(
      'North,B,000001,h,production,yes,yes,301,400,75.3,yes,20,15,c248••••-••••5417,2026-01-02T03:04:05.000Z,',
    );
  });
});
