/**
 * How every Chromium this project drives is started (Playwright's tests and the renderer
 * benchmark): no sandbox (CI containers run as root), no GPU, and none of Chromium's own network
 * traffic (updates, sync, first-run pages), which would only add noise to what is measured.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
