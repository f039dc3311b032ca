import { textsOf } from '../text';

export const desktopEn = {};

export const desktop = textsOf('desktop', desktopEn);
