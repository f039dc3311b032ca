import { textsOf } from '../text';

export const netEn = {};

export const net = textsOf('net', netEn);
