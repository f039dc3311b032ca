import { textsOf } from '../text';

export const flecsEn = {};

export const flecs = textsOf('flecs', flecsEn);
