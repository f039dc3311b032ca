import { textsOf } from '../text';

export const seatsEn = {};

export const seats = textsOf('seats', seatsEn);
