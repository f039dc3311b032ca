/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import type { Catalogue, Formats, Text } from '../../src/shared/text';
import { renderText } from '../../src/shared/text';
import { textSchema } from '../../src/shared/text-schema';
import { english, inEnglish } from '../../src/shared/texts/english';
import { german, germanFormats } from '../../src/shared/texts/german';
import { describeDuration, englishFormats } from '../../src/shared/texts/formats';
import { common } from '../../src/shared/texts/common.en';
import { sayIn } from '../../src/shared/texts/say-in';
import { LicensingError } from '../../src/main/licensing/licensing-error';

/** Areas whose texts never reach the screens, with the reason they stay English. */
const ENGLISH_ONLY: Readonly<Record<string, string>> = {
  cli: 'the command line speaks to installer scripts and support staff',
};

/** Formats that show what they were given, so a test sees which values a message used. */
const visibleFormats: Formats = {
  number: (value) => `number(${String(value)})`,
  duration: (seconds) => `duration(${String(seconds)})`,
  instant: (ms) => `instant(${String(ms)})`,
  day: (ms) => `day(${String(ms)})`,
};

/**
 * Calls a message with parameters that record what it reads and show up where they are placed:
 * every parameter becomes `‹name›`.
 */
function probe(message: Catalogue[string]): { text: string; read: string[]; shown: string[] } {
  const read = new Set<string>();
  const params = new Proxy(
    {},
    {
      get: (_target, name) => {
        if (typeof name !== 'string') return undefined;
        read.add(name);
        return `‹${name}›`;
      },
    },
  );
  const text = message(params as never, visibleFormats);
  const shown = [...text.matchAll(/‹(\w+)›/g)].map((match) => match[1] ?? '');
  return { text, read: [...read].sort(), shown: [...new Set(shown)].sort() };
}

const areas = Object.keys(english).filter((area) => !(area in ENGLISH_ONLY));

describe("the core's German", () => {
  it('has every area the screens can be shown', () => {
    expect(Object.keys(german).sort()).toEqual([...areas].sort());
  });

  for (const area of areas) {
    const source = english[area] ?? {};
    const translation = german[area] ?? {};
    it(`${area}: has exactly the English messages`, () => {
      expect(Object.keys(translation).sort()).toEqual(Object.keys(source).sort());
    });

    it(`${area}: translates every message and places every value the English places`, () => {
      const problems: string[] = [];
      for (const [key, message] of Object.entries(source)) {
        const other = translation[key];
        if (!other) continue;
        const en = probe(message);
        const de = probe(other);
        if (de.text === en.text) problems.push(`${key}: not translated`);
        if (de.shown.join() !== en.shown.join()) {
          problems.push(`${key}: shows ${de.shown.join()} where English shows ${en.shown.join()}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('rendering a text', () => {
  const sample: Text = {
    id: 'common.withServerText',
    params: { message: 'Ours.', server: 'Theirs' },
  };

  it('writes English for the log and the CLI', () => {
    expect(inEnglish(sample)).toBe('Ours. (The server said: "Theirs")');
  });

  it('renders nested texts in the same language', () => {
    const nested: Text = { id: 'common.withServerText', params: { message: sample, server: 'x' } };
    expect(renderText(nested, german, germanFormats('de-DE'))).toBe(
      'Ours. (Der Server meldete: „Theirs“) (Der Server meldete: „x“)',
    );
  });

  it('gives up on an id it does not know, so the screen shows the English instead', () => {
    expect(renderText({ id: 'common.nothing' }, german, germanFormats('de'))).toBeUndefined();
    expect(renderText({ id: 'nowhere.toString' }, german, germanFormats('de'))).toBeUndefined();
    expect(renderText({ id: 'common.toString' }, german, germanFormats('de'))).toBeUndefined();
    const brokenNested: Text = { id: 'common.withServerText', params: { message: { id: 'x.y' } } };
    expect(renderText(brokenNested, german, germanFormats('de'))).toBeUndefined();
  });

  it('accepts over IPC only texts of a known shape and bounded depth', () => {
    expect(textSchema.safeParse(sample).success).toBe(true);
    expect(textSchema.safeParse({ id: '__proto__.x' }).success).toBe(false);
    expect(textSchema.safeParse({ id: 'a.b', params: { x: null } }).success).toBe(false);
    let deep: Text = { id: 'a.b' };
    for (let i = 0; i < 8; i += 1) deep = { id: 'a.b', params: { inner: deep } };
    expect(textSchema.safeParse(deep).success).toBe(false);
  });
});

describe('formats', () => {
  it('says a wait in the unit a person pictures', () => {
    expect(englishFormats.duration(1)).toBe('1 second');
    expect(englishFormats.duration(45)).toBe('45 seconds');
    expect(englishFormats.duration(150)).toBe('3 minutes');
    expect(englishFormats.duration(2 * 3_600)).toBe('2 hours');
    expect(germanFormats('de').duration(45)).toBe('45 Sekunden');
    expect(germanFormats('de').duration(60 * 60)).toBe('60 Minuten');
    expect(describeDuration(0.2, { second: 's', minute: 'm', hour: 'h' }, '+')).toBe('1 s');
  });

  it('writes instants in UTC for the English log, in the region for the screens', () => {
    const at = Date.UTC(2026, 11, 6, 2, 51);
    expect(englishFormats.instant(at)).toBe('2026-12-06 02:51 UTC');
    expect(englishFormats.day(at)).toBe('2026-12-06');
    expect(germanFormats('de-DE').day(at)).toBe('06.12.2026');
    expect(germanFormats('de-DE').number(1234.5)).toBe('1.234,5');
  });
});

describe('the builders the core says things with', () => {
  const modules = import.meta.glob<Record<string, unknown>>('../../src/shared/texts/*.en.ts', {
    eager: true,
  });

  it('name texts the English library can render', () => {
    const unknown: string[] = [];
    for (const [file, exports] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(exports)) {
        if (name.endsWith('En') || typeof value !== 'object' || value === null) continue;
        for (const build of Object.values(value as Record<string, () => Text>)) {
          const text = build();
          if (renderText(text, english, visibleFormats) === undefined) {
            unknown.push(`${file}: ${text.id}`);
          }
        }
      }
    }
    expect(Object.keys(modules).length).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });
});

describe("main's own windows (sayIn)", () => {
  const error = new LicensingError('config', common.addressNotHttp());

  it('say what the core said in the OS language', () => {
    expect(sayIn(error, { locale: 'de', intlTag: 'de-AT' })).toBe(
      'Die Adresse des Lizenzservers muss mit http:// oder https:// beginnen. Prüfen Sie die Konfiguration.',
    );
    expect(sayIn(error, { locale: 'en', intlTag: 'en-GB' })).toBe(error.message);
    expect(error.message).toMatch(/^The licensing server address must start with http/);
  });

  it('keep English that was never a text (a file’s own error)', () => {
    const wording = { message: 'Unexpected token } in JSON' };
    expect(sayIn(wording, { locale: 'de', intlTag: 'de' })).toBe(wording.message);
  });
});

describe('the core’s sources', () => {
  const sources = import.meta.glob<string>(['../../src/main/**/*.ts', '../../src/cli/**/*.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });

  it('write no sentence straight into a LicensingError: every one comes from a catalogue', () => {
    const literal = /new LicensingError\(\s*'[a-z_]+',\s*['"`]/g;
    const found = Object.entries(sources).flatMap(([file, source]) =>
      [...source.matchAll(literal)].map((match) => `${file}: ${match[0]}`),
    );
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
