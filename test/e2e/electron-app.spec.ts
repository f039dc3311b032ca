import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
if (binary.why) console.log(`Electron end-to-end tests skipped: ${binary.why}.`);

test.describe('the Electron app', () => {
  test.skip(!binary.path, `skipped: ${binary.why}`);
  let app: ElectronApplication;
  let userData: string;

  test.beforeEach(async () => {
    userData = mkdtempSync(join(tmpdir(), 'lm-electron-'));
    app = await electron.launch({
      executablePath: binary.path,
      args: [join(__dirname, '../../out/main/index.js'), `--user-data-dir=${userData}`],
      env: { ...process.env, NODE_ENV: 'production' },
    });
  });
  test.afterEach(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('opens one locked-down window served from app://', async () => {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await window.evaluate(() => location.protocol)).toBe('app:');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );
    expect(
      await window.evaluate(() =>
        Object.keys((globalThis as unknown as { licenseManager: object }).licenseManager).sort(),
      ),
    ).toEqual(['invoke', 'on']);
    // The sandboxed renderer cannot reach Node's module system even through the bridge.
    expect(await window.evaluate(() => typeof (globalThis as { module?: unknown }).module)).toBe(
      'undefined',
    );
    expect(await window.evaluate(() => globalThis.open('https://example.com'))).toBeNull();
    await window.evaluate(() => {
      location.href = 'https://example.com';
    });
    await window.waitForTimeout(500);
    expect(window.url()).toMatch(/^app:\/\/bundle\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
