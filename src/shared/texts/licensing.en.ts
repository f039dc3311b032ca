import { textsOf } from '../text';

export const licensingEn = {};

export const licensing = textsOf('licensing', licensingEn);
