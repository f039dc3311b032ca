import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import jsQR from 'jsqr';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import {
  joinQrContents,
  qrCodeSchema,
  qrCodesFor,
  type QrCode,
} from '../../src/main/offline/qr-codes';

const PX_PER_MODULE = 4;
const QUIET_MODULES = 4;

/** Fills a size×size matrix from the path, accepting only the run shape the module draws. */
function matrixFromPath(code: QrCode): boolean[][] {
  const matrix = Array.from({ length: code.size }, () => Array<boolean>(code.size).fill(false));
  const run = /M(\d+) (\d+)h(\d+)v1h-\3z/y;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = run.exec(code.path))) {
    consumed = run.lastIndex;
    const [x, y, length] = [Number(match[1]), Number(match[2]), Number(match[3])];
    for (let i = 0; i < length; i++) {
      expect(matrix[y]![x + i]).toBe(false); // runs never overlap
      matrix[y]![x + i] = true;
    }
  }
  expect(consumed).toBe(code.path.length); // the whole path was runs
  return matrix;
}

/** What a phone camera would see, at its cleanest: black modules on white, with a quiet zone. */
function decode(code: QrCode): string | undefined {
  const matrix = matrixFromPath(code);
  const side = (code.size + 2 * QUIET_MODULES) * PX_PER_MODULE;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (!matrix[y]![x]) continue;
      for (let dy = 0; dy < PX_PER_MODULE; dy++) {
        for (let dx = 0; dx < PX_PER_MODULE; dx++) {
          const px = (x + QUIET_MODULES) * PX_PER_MODULE + dx;
          const py = (y + QUIET_MODULES) * PX_PER_MODULE + dy;
          pixels.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
        }
      }
    }
  }
  return jsQR(pixels, side, side, { inversionAttempts: 'dontInvert' })?.data;
}

const refusal = (contents: string[]): LicensingError => {
  try {
    joinQrContents(contents);
  } catch (error) {
    expect(error).toBeInstanceOf(LicensingError);
    expect((error as LicensingError).code).toBe('invalid_input');
    return error as LicensingError;
  }
  throw new Error('joinQrContents accepted what it should refuse');
};

describe('QR codes', () => {
  const request = randomBytes(450).toString('base64'); // 600 characters
  const long = randomBytes(3750).toString('base64'); // 5,000 characters

  it('puts a 600-character request in one plain code that decodes to exactly the text', () => {
    expect(request).toHaveLength(600);
    const codes = qrCodesFor(request);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ index: 1, total: 1, content: request });
    expect(decode(codes[0]!)).toBe(request);
    expect(joinQrContents([codes[0]!.content])).toBe(request);
  });

  it('splits 5,000 characters into readable parts that join back in any order', () => {
    const codes = qrCodesFor(long);
    expect(codes.length).toBeGreaterThan(1);
    const decoded = codes.map((code, i) => {
      expect(code).toMatchObject({ index: i + 1, total: codes.length });
      expect(code.content.length).toBeLessThanOrEqual(700);
      expect(code.content).toMatch(new RegExp(`^LMQR:${i + 1}/${codes.length}:[0-9a-f]{8}:`));
      const data = decode(code);
      expect(data).toBe(code.content);
      return data!;
    });
    expect(joinQrContents(decoded)).toBe(long);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(decoded, { minLength: decoded.length, maxLength: decoded.length }),
        (order) => joinQrContents(order) === long,
      ),
    );
    expect(joinQrContents([...decoded, decoded[0]!])).toBe(long); // a code scanned twice
  });

  it('honours a smaller limit, and never splits a character', () => {
    const text = 'é€😀'.repeat(100);
    const codes = qrCodesFor(text, { maxCharsPerCode: 120 });
    for (const code of codes) {
      expect(Buffer.byteLength(code.content)).toBeLessThanOrEqual(120);
      expect(code.content).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(decode(codes[0]!)).toBe(codes[0]!.content);
    expect(joinQrContents(codes.map((code) => code.content))).toBe(text);
  });

  it('gives a header even to short text that starts like one', () => {
    const text = 'LMQR:1/2:00000000:not a part';
    const codes = qrCodesFor(text);
    expect(codes).toHaveLength(1);
    expect(codes[0]!.content).not.toBe(text);
    expect(joinQrContents([codes[0]!.content])).toBe(text);
  });

  it('refuses what it cannot encode', () => {
    expect(() => qrCodesFor('')).toThrow(LicensingError);
    expect(() => qrCodesFor('x', { maxCharsPerCode: 10 })).toThrow(LicensingError);
    expect(() => qrCodesFor('x', { maxCharsPerCode: 5000 })).toThrow(LicensingError);
    expect(() => qrCodesFor('x'.repeat(100 * 700))).toThrow(/QR codes/);
  });

  it('draws exactly the dark modules', () => {
    for (const code of [...qrCodesFor(request), ...qrCodesFor(long)]) {
      const { modules } = create(code.content, { errorCorrectionLevel: 'M' });
      expect(code.size).toBe(modules.size);
      const modulesMatrix = Array.from({ length: code.size }, (_, y) =>
        Array.from({ length: code.size }, (_, x) => Boolean(modules.get(y, x))),
      );
      expect(matrixFromPath(code)).toEqual(modulesMatrix);
    }
  });

  it('refuses to join what is not one whole text', () => {
    const parts = qrCodesFor(long).map((code) => code.content);
    const other = qrCodesFor(randomBytes(3750).toString('base64')).map((code) => code.content);

    expect(refusal([]).message).toContain('No QR code');
    expect(refusal(parts.slice(1)).message).toContain(`1 of ${parts.length} is missing`);
    expect(refusal([parts[0]!]).message).toContain('are missing');
    expect(refusal([...parts, other[1]!]).message).toContain('different texts');
    expect(refusal([parts[0]!, ...other.slice(1)]).message).toContain('different texts');
    const altered = parts[1]!.slice(0, -1) + (parts[1]!.endsWith('A') ? 'B' : 'A');
    expect(refusal([...parts, altered]).message).toContain('scanned twice');
    expect(refusal([parts[0]!, altered, ...parts.slice(2)]).message).toContain('do not add up');
    expect(refusal([...parts, request]).message).toContain('not parts of one text');
    expect(refusal(['plain one', 'plain two']).message).toContain('not parts of one text');
    for (const malformed of [
      'LMQR:',
      'LMQR:0/2:abcdef01:x',
      'LMQR:3/2:abcdef01:x',
      'LMQR:1/2:xyz:',
    ]) {
      expect(refusal([malformed]).message).toContain('header is damaged');
    }
  });

  it('produces codes the IPC schema accepts', () => {
    for (const code of [
      ...qrCodesFor(request),
      ...qrCodesFor(long),
      ...qrCodesFor(randomBytes(1500).toString('base64'), { maxCharsPerCode: 2000 }),
    ]) {
      expect(qrCodeSchema.parse(code)).toEqual(code);
    }
    expect(
      qrCodeSchema.safeParse({ index: 0, total: 1, content: 'x', size: 21, path: '' }).success,
    ).toBe(false);
    expect(
      qrCodeSchema.safeParse({ index: 1, total: 1, content: 'x'.repeat(2001), size: 21, path: '' })
        .success,
    ).toBe(false);
  });
});
