import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright';
import { CHROMIUM_ARGS } from '../test/support/chromium-args';
import { median, type Row } from './measure';

const ROOT = join(__dirname, '..', '..', '..');
const RUNS = 15;

interface Weight {
  readonly raw: number;
  readonly gzip: number;
}

const weigh = (files: readonly string[]): Weight =>
  files.reduce(
    (sum, file) => {
      const bytes = readFileSync(file);
      return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length };
    },
    { raw: 0, gzip: 0 },
  );

/** A bare React 19 page (one heading), built by Vite with the same React plugin and minifier. */
async function buildBareReact(): Promise<string> {
  // Inside the repository so the build resolves the very same react and react-dom.
  const root = join(ROOT, 'out', 'bench', 'bare-react');
  mkdirSync(root, { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Bare React</title></head>' +
      '<body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>\n',
  );
  writeFileSync(
    join(root, 'main.jsx'),
    "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\n" +
      "createRoot(document.getElementById('root')).render(<StrictMode><main><h1>Hello</h1></main></StrictMode>);\n",
  );
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const outDir = join(root, 'dist');
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: true },
  });
  return outDir;
}

/** Serves a built folder with the same content types the browser host uses. */
async function serveFolder(dir: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = {
    html: 'text/html',
    js: 'text/javascript',
    css: 'text/css',
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[file.split('.').pop() ?? ''] ?? 'text/plain' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

/** `license-manager serve` in demo mode, as a user starts it; resolves with its one-time link. */
async function startServe(home: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'license-manager.js'), 'serve', '--json'],
    {
      env: { ...process.env, LICENSE_MANAGER_HOME: home },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) =>
      resolve((JSON.parse(chunk.toString()) as { url: string }).url),
    );
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { url, child };
}

/**
 * Milliseconds from navigation start until a heading is on screen with nothing still loading
 * (no `aria-busy` skeleton): the moment a person can read and click. Also answers which scripts
 * and style sheets the page had fetched by then.
 */
async function openUntilReady(
  page: Page,
  url: string,
): Promise<{ readyMs: number; assets: string[] }> {
  await page.goto(url, { waitUntil: 'commit' });
  // A function (a string would need 'unsafe-eval', which the app's CSP rightly refuses), run in
  // the page; this file is compiled without the DOM's types, hence the narrow `document` type.
  const handle = await page.waitForFunction(
    () => {
      const { document } = globalThis as unknown as {
        document: { querySelector(selector: string): unknown };
      };
      return document.querySelector('h1') !== null &&
        document.querySelector('[aria-busy="true"]') === null
        ? {
            readyMs: performance.now(),
            assets: performance
              .getEntriesByType('resource')
              .map((entry) => entry.name)
              .filter((name) => /\.(js|css)$/.test(new URL(name).pathname)),
          }
        : false;
    },
    undefined,
    { polling: 'raf', timeout: 20_000 },
  );
  return (await handle.jsonValue()) as { readyMs: number; assets: string[] };
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Median time to the first readable screen over fresh contexts (no warm HTTP cache). */
async function timeToScreen(
  browser: Browser,
  url: string,
  signedIn?: StorageState,
): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS + 2; run += 1) {
    const context = await browser.newContext(signedIn ? { storageState: signedIn } : {});
    const page = await context.newPage();
    const { readyMs } = await openUntilReady(page, url);
    if (run >= 2) times.push(readyMs); // two warm-ups: Chromium's own first-use costs
    await context.close();
  }
  return median(times);
}

/**
 * The renderer's weight and speed beside a bare React page: what the first screen downloads
 * (the lazily loaded screens are not in it), and how long until it can be used.
 */
export async function benchRenderer(): Promise<Row[]> {
  // scripts/bench.mjs finds one the way `npm test` does and passes it in.
  const chromium = process.env.CHROMIUM_PATH;
  if (!chromium) {
    console.log('renderer: skipped, no Chromium found (set CHROMIUM_PATH)');
    return [];
  }
  const { chromium: launcher } = await import('playwright');
  const bareDir = await buildBareReact();
  const bare = await serveFolder(bareDir);
  const home = mkdtempSync(join(tmpdir(), 'lm-bench-serve-'));
  const serve = await startServe(home);
  const browser = await launcher.launch({ executablePath: chromium, args: CHROMIUM_ARGS });
  try {
    // The one-time link trades its token for a session cookie; later runs reuse that cookie.
    const context = await browser.newContext();
    const page = await context.newPage();
    const first = await openUntilReady(page, serve.url);
    const signedIn = await context.storageState();
    const rendererDir = join(ROOT, 'out', 'renderer', 'assets');
    const appAssets = first.assets.map((name) =>
      join(rendererDir, basename(new URL(name).pathname)),
    );
    const bareAssets = (await openUntilReady(page, bare.url)).assets.map((name) =>
      join(bareDir, 'assets', basename(new URL(name).pathname)),
    );
    await context.close();
    const split = (files: string[], ext: string) => weigh(files.filter((f) => f.endsWith(ext)));
    const appJs = split(appAssets, '.js');
    const appCss = split(appAssets, '.css');
    const bareJs = split(bareAssets, '.js');
    const kb = (bytes: number) => bytes / 1024;
    const appReady = await timeToScreen(browser, `${new URL(serve.url).origin}/`, signedIn);
    const staticReady = await timeToScreen(browser, bare.url);
    return [
      {
        figure: `first screen JavaScript, gzip (${appAssets.filter((f) => f.endsWith('.js')).length} files)`,
        value: kb(appJs.gzip),
        unit: 'KiB',
        reference: `raw ${kb(appJs.raw).toFixed(0)} KiB; bare React page ${kb(bareJs.gzip).toFixed(1)} KiB gzip (${kb(bareJs.raw).toFixed(0)} raw); target < 100 KB`,
      },
      {
        figure: 'first screen CSS, gzip',
        value: kb(appCss.gzip),
        unit: 'KiB',
        reference: `raw ${kb(appCss.raw).toFixed(1)} KiB; bare React page has none`,
      },
      {
        figure: 'first readable screen in Chromium (browser host, demo)',
        value: appReady,
        unit: 'ms',
        reference: `bare React page from a static server: ${staticReady.toFixed(0)} ms (fresh browser context each run)`,
      },
    ];
  } finally {
    await browser.close();
    serve.child.kill('SIGTERM');
    bare.server.close();
    rmSync(home, { recursive: true, force: true });
  }
}
