import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Inlined so a test's stand-in `electron` module also reaches electron-store's own import.
    server: { deps: { inline: ['electron-store'] } },
  },
});
