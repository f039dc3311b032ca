import { textsOf } from '../text';

export const offlineEn = {};

export const offline = textsOf('offline', offlineEn);
