import { textsOf } from '../text';

export const hubsEn = {};

export const hubs = textsOf('hubs', hubsEn);
