import { afterAll, beforeAll } from 'vitest';
import { applyLanguage } from '../../src/renderer/src/i18n/messages';

/** The renderer's own catalogues in German for the tests of the calling file, English after. */
export function useGermanScreens(): void {
  beforeAll(() => applyLanguage({ locale: 'de', intlTag: 'de-DE' }));
  afterAll(() => applyLanguage({ locale: 'en', intlTag: 'en' }));
}
