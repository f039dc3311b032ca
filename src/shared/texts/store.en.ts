import { textsOf } from '../text';

export const storeEn = {};

export const store = textsOf('store', storeEn);
