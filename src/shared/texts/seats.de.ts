import type { Translation } from '../text';
import type { seatsEn } from './seats.en';

export const seatsDe: Translation<typeof seatsEn> = {};
