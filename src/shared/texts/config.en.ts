import { textsOf } from '../text';

export const configEn = {};

export const config = textsOf('config', configEn);
