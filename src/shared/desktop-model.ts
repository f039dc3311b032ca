import { z } from 'zod';
import { appErrorSchema } from './errors';

/**
 * What the desktop integration tells the renderer: the activation link waiting to be shown, and
 * the start-at-login setting.
 */

/**
 * The link handed to the app, taken once by the renderer. `activate` carries the key only to put
 * it in the activation form (it came from outside the app; the person checks it and clicks).
 */
export const pendingLinkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('activate'),
    key: z.string(),
    /** Absent: the link named no profile; the renderer keeps the one shown if it takes keys. */
    profileId: z.string().optional(),
  }),
  /** A link arrived but is not an activation link the app accepts; the error says why. */
  z.object({ kind: z.literal('refused'), error: appErrorSchema }),
]);
export type PendingLink = z.infer<typeof pendingLinkSchema>;

/** The doorbell: a link is waiting; the renderer takes it with `link:take` (so never twice). */
export const linkReceivedSchema = z.object({});

export const startAtLoginViewSchema = z.object({
  enabled: z.boolean(),
  /** False where the host cannot register itself with the OS (the browser host, the CLI). */
  supported: z.boolean(),
});
export type StartAtLoginView = z.infer<typeof startAtLoginViewSchema>;
