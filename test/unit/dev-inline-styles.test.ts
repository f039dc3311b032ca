import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devInlineStyles } from '../../build/dev-inline-styles';

const page = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8');
const transform = devInlineStyles.transformIndexHtml as (html: string) => string;
const policyOf = (html: string): string =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';

describe("the dev server's copy of the page", () => {
  it('allows the inline styles Vite injects, and nothing else', () => {
    const strict = policyOf(page);
    const dev = policyOf(transform(page));
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    // Every other directive, scripts included, is the page's own.
    expect(dev.replace(" 'unsafe-inline'", '')).toBe(strict);
  });

  it('is left to the dev server: built pages keep the strict policy', () => {
    expect(devInlineStyles.apply).toBe('serve');
  });

  it('stops the dev server when the policy it widens is reworded', () => {
    expect(() => transform(page.replace("style-src 'self'", "style-src 'none'"))).toThrow(
      /no longer has style-src 'self'/,
    );
  });
});
