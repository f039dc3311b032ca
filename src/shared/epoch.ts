import { z } from 'zod';

/** The last instant a JavaScript Date can hold: 8.64e15 ms after 1970, in the year 275760. */
export const MAX_EPOCH_MS = 8.64e15;

/**
 * An instant as the IPC contract carries it: whole epoch milliseconds (UTC) that a Date can show.
 * Bounded above because the screens format every instant; a later one made them throw.
 */
export const epochMs = z.number().int().nonnegative().max(MAX_EPOCH_MS);
