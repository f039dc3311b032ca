import { textsOf } from '../text';

export const mobiusflowEn = {};

export const mobiusflow = textsOf('mobiusflow', mobiusflowEn);
