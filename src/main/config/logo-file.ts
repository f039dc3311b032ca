import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Text } from '../../shared/text';
import { config } from '../../shared/texts/config.en';
import { inEnglish } from '../../shared/texts/english';

/**
 * The vendor's logo: read by the main process and handed to the renderer as a data: URL, which
 * the strict CSP admits for images (`img-src 'self' data:`), so the renderer never reads a file.
 * Shown only in an <img>, where an SVG can neither run script nor load anything.
 */

/** A header logo needs a few KB; anything this large is the wrong file. */
export const MAX_LOGO_BYTES = 128 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What is wrong with the logo, in the words the configuration errors use (field, then fix). */
export class LogoProblem extends Error {
  readonly text: Text;

  constructor(text: Text) {
    super(inEnglish(text));
    this.text = text;
  }
}

function mediaTypeOf(bytes: Buffer): 'image/png' | 'image/svg+xml' | undefined {
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png';
  const text = bytes.toString('utf8');
  // An SVG document: text that opens an <svg> element after an optional XML declaration,
  // comments and a doctype without an internal subset (no entity definitions). A comment cannot
  // span a "-->", so a file of many comments cannot make the match backtrack exponentially.
  if (
    !text.includes('\uFFFD') &&
    /^\s*(<\?xml[^>]*>\s*)?(<!--(?:(?!-->)[\s\S])*-->\s*|<!DOCTYPE[^>[]*>\s*)*<svg[\s>]/i.test(text)
  )
    return 'image/svg+xml';
  return undefined;
}

/**
 * Reads `logo` (already checked by the schema to be a .png or .svg path inside the folder) next to
 * `configFile`, and answers it as a data: URL.
 */
export async function readLogo(configFile: string, logo: string): Promise<string> {
  const file = resolve(dirname(configFile), logo);
  const bytes = await readBounded(file);
  const mediaType = mediaTypeOf(bytes);
  if (!mediaType) throw new LogoProblem(config.logoNotImage({ file }));
  if (/\.png$/i.test(logo) !== (mediaType === 'image/png'))
    throw new LogoProblem(
      mediaType === 'image/png' ? config.logoHoldsPng({ file }) : config.logoHoldsSvg({ file }),
    );
  return `data:${mediaType};base64,${bytes.toString('base64')}`;
}

/** The file's bytes, never more than MAX_LOGO_BYTES of them read, whatever the file claims. */
async function readBounded(file: string): Promise<Buffer> {
  const unreadable = new LogoProblem(config.logoUnreadable({ file }));
  const handle = await open(file, 'r').catch(() => {
    throw unreadable;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw unreadable;
    if (info.size > MAX_LOGO_BYTES) throw tooLarge(file, info.size);
    const buffer = Buffer.alloc(MAX_LOGO_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    // The file grew after stat: still refused rather than read without a bound.
    if (bytesRead > MAX_LOGO_BYTES) throw tooLarge(file, bytesRead);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const tooLarge = (file: string, size: number) =>
  new LogoProblem(
    config.logoTooLarge({
      file,
      kilobytes: Math.ceil(size / 1024),
      maxKilobytes: MAX_LOGO_BYTES / 1024,
    }),
  );
