import { textsOf } from '../text';

export const enirisEn = {};

export const eniris = textsOf('eniris', enirisEn);
