import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './test/support/chromium-args';

/** Debian's Chromium here; `npm test` finds one on other machines and passes it in CHROMIUM_PATH. */
const executablePath = process.env.CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json']],
  outputDir: 'test-results/playwright',
  use: {
    viewport: { width: 1100, height: 760 },
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
});
