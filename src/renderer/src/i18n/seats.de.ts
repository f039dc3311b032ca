import type { SeatsMessages } from './seats.en';

export const seatsDe: SeatsMessages = {};
