import type { Plugin } from 'vite';

const STRICT = "style-src 'self'";

/**
 * `npm run dev` only. Vite's dev server puts each stylesheet into the page as an inline <style>
 * element, which the page's own policy (index.html's CSP copy: `style-src 'self'`) refuses, so
 * the window came up unstyled. The dev server's copy of the page allows inline styles; built
 * pages, and the header both hosts send, keep the strict policy.
 */
export const devInlineStyles: Plugin = {
  name: 'dev-inline-styles',
  apply: 'serve',
  transformIndexHtml(html) {
    // Fails the dev server at once rather than leave it unstyled if the policy is reworded.
    if (!html.includes(STRICT)) throw new Error(`index.html's CSP no longer has ${STRICT}`);
    return html.replace(STRICT, `${STRICT} 'unsafe-inline'`);
  },
};
