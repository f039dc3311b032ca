import { textsOf } from '../text';

/** Sentences every area composes with. */
export const commonEn = {
  /** Our sentence, then what the server said in its own words (quoted, never translated). */
  withServerText: (p: { message: string; server: string }) =>
    `${p.message} (The server said: "${p.server}")`,
};

export const common = textsOf('common', commonEn);
