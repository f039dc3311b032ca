import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { version } from './package.json';
import { devInlineStyles } from './build/dev-inline-styles';

export default defineConfig({
  main: {
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      // Only `dependencies` stay external; devDependencies the main code imports are bundled.
      // electron-store is one because 10+ is ESM-only, zod because its package loads every locale
      // and all of its API on require (~45 ms at each start on Node 22): the bundle keeps only
      // what the schemas use.
      rollupOptions: {
        // The CLI and the browser host reuse the very same core, so they are built beside main.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // electron-vite leaves the renderer unminified by default; minified, the first screen is ~83 kB gzip.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react(), devInlineStyles],
  },
});
