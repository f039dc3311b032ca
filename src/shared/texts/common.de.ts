import type { Translation } from '../text';
import type { commonEn } from './common.en';

export const commonDe: Translation<typeof commonEn> = {
  withServerText: (p) => `${p.message} (Der Server meldete: „${p.server}“)`,
};
