import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadVendorConfig } from '../../src/main/config/load-config';
import { appInfoSchema } from '../../src/shared/model';
import { openInstallation } from '../support/core-harness';
import { createManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/** The vendor's branding reaches the renderer through `app:info`, past the IPC output schema. */
describe('app:info carries the vendor configuration', () => {
  const tempDir = useTempDir();

  it('answers the logo as a data URL, the readable accent palette, the contact and the screens', async () => {
    const config = await loadVendorConfig({
      base: join(__dirname, '../../docs/vendor-config.example.json'),
    });
    const { core } = await openInstallation({
      clock: createManualClock(Date.UTC(2026, 0, 5)),
      dataDir: tempDir(),
      config,
    });
    try {
      const answer = await core.dispatch('app:info', {});
      if (!answer.ok) throw new Error(answer.error.message);
      const { productName, vendor } = appInfoSchema.parse(answer.value);
      expect(productName).toBe('Acme CAD');
      expect(vendor).toEqual({
        logo: config.logoDataUrl,
        accent: {
          color: '#0f766e',
          foreground: '#ffffff',
          hover: expect.stringMatching(/^#[0-9a-f]{6}$/),
          textOnLight: expect.stringMatching(/^#[0-9a-f]{6}$/),
          textOnDark: expect.stringMatching(/^#[0-9a-f]{6}$/),
        },
        support: {
          name: 'Acme Support',
          email: 'support@acme.example',
          url: 'https://acme.example/support',
        },
        screens: ['activation', 'licence-file'],
        updates: false,
        telemetry: false,
      });
      expect(vendor.logo).toMatch(/^data:image\/svg\+xml;base64,/);
    } finally {
      await core.close();
    }
  });
});
