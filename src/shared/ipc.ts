import { z } from 'zod';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './channels';
import { textIssues } from './issue-text';
import { net, netEn } from './texts/net.en';
import { LOCALES } from './locale';

export { EVENT_CHANNELS };
import {
  appInfoSchema,
  enirisAccountViewSchema,
  enirisLicenceListSchema,
  enirisLicenceViewSchema,
  licenceViewSchema,
  profileViewSchema,
  seatPoolViewSchema,
} from './model';
import {
  hubCertificateSchema,
  hubCodeChangeSchema,
  hubDraftSchema,
  hubImportResultSchema,
  hubListSchema,
  hubsChangedSchema,
  hubViewSchema,
  LICENCE_CODE_PATTERN,
} from './hubs-model';
import { lsLicenceDetailsSchema, lsProductViewSchema } from './licensespring-model';
import { fileLicenceViewSchema, offlineRequestSchema } from './offline-model';
import { linkReceivedSchema, pendingLinkSchema, startAtLoginViewSchema } from './desktop-model';
import {
  connectionTestSchema,
  diagnosticsReportSchema,
  supportBundleSchema,
} from './diagnostics-model';

/**
 * The one IPC contract. Each channel (`area:verb`) has an input and an output schema; main parses
 * the input after checking the sender, and answers with a Result. Adding a channel here is all it
 * takes: the preload and the browser host forward any channel listed in this map and nothing else.
 */

const { saying } = textIssues({ net: netEn });

const profileId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, saying(net.fieldProfileId()));

/** Licence keys are typed or pasted by people: bounded, printable, trimmed by the core. */
const licenceKey = z
  .string()
  .min(1, saying(net.fieldEnterKey()))
  .max(256, saying(net.fieldKeyTooLong()))
  .regex(/^[\x20-\x7E]+$/, saying(net.fieldKeyPrintable()));

/** Account names and passwords: bounded, never trimmed (a password may end in a space). */
const accountField = z
  .string()
  .min(1, saying(net.fieldRequired()))
  .max(256, saying(net.fieldAtMost256()));

/** Eniris licence keys are 1 to 50 characters; controller ids are printable. */
const enirisKey = z
  .string()
  .min(1, saying(net.fieldEnterKey()))
  .max(50, saying(net.fieldEnirisKeyTooLong()))
  .regex(/^[\x20-\x7E]+$/, saying(net.fieldPrintable()));
const enirisNodeId = z
  .string()
  .min(1, saying(net.fieldEnterControllerId()))
  .max(128)
  .regex(/^[\x20-\x7E]+$/, saying(net.fieldPrintable()));

/**
 * A file a person picked, as text. Bounded well above any real licence file, so the core (which
 * knows each format's own limit) is the one that says "too large" in words.
 */
const importedFile = z.string().max(4_194_304);

/** LicenseSpring feature codes: short identifiers chosen by the vendor. */
const featureCode = z
  .string()
  .min(1, saying(net.fieldEnterFeatureCode()))
  .max(100)
  .regex(/^[\x21-\x7E]+$/, saying(net.fieldFeatureNoSpaces()));
/** A borrow end date; absent means as long as the vendor allows. */
const borrowUntil = z.iso.datetime({ offset: true }).optional();
const hubId = z.string().min(1).max(64);

const noInput = z.object({}).strict();
const onProfile = z.object({ profileId }).strict();
/** The language main writes a screen's sentences in; absent = English (the CLI, older callers). */
const locale = z.enum(LOCALES).optional();
const inLocale = z.object({ locale }).strict();
const onProfileInLocale = z.object({ profileId, locale }).strict();

export const ipcContract = {
  'app:info': { input: noInput, output: appInfoSchema },
  'profiles:list': { input: noInput, output: z.array(profileViewSchema) },
  'licence:status': { input: onProfile, output: licenceViewSchema },
  'licence:activate': {
    input: z.object({ profileId, key: licenceKey }).strict(),
    output: licenceViewSchema,
  },
  /** Signs in for this one call (FLECS user licence); the password is never stored. */
  'licence:activate-account': {
    input: z.object({ profileId, username: accountField, password: accountField }).strict(),
    output: licenceViewSchema,
  },
  'licence:activate-serial': { input: onProfile, output: licenceViewSchema },
  'licence:validate': { input: onProfile, output: licenceViewSchema },
  'licence:deactivate': { input: onProfile, output: licenceViewSchema },
  'seat:request': { input: onProfile, output: licenceViewSchema },
  'seat:heartbeat': { input: onProfile, output: licenceViewSchema },
  'seat:release': { input: onProfile, output: licenceViewSchema },
  'seat:info': { input: onProfile, output: seatPoolViewSchema },
  'eniris:account': { input: onProfile, output: enirisAccountViewSchema },
  /** The password goes to the Eniris sign-in for this call only; a refresh token is kept instead. */
  'eniris:sign-in': {
    input: z.object({ profileId, username: accountField, password: accountField }).strict(),
    output: enirisAccountViewSchema,
  },
  'eniris:sign-out': { input: onProfile, output: enirisAccountViewSchema },
  'eniris:activate': {
    input: z
      .object({
        profileId,
        key: enirisKey,
        activationIso: z.iso.datetime({ offset: true }).optional(),
      })
      .strict(),
    output: enirisLicenceViewSchema,
  },
  'eniris:claim': {
    input: z.object({ profileId, key: enirisKey, nodeId: enirisNodeId }).strict(),
    output: enirisLicenceListSchema,
  },
  /** Exactly one of nodeId (a controller) and customerId. */
  'eniris:licences': {
    input: z
      .object({ profileId, nodeId: enirisNodeId.optional(), customerId: z.uuid().optional() })
      .strict()
      .refine(
        (value) => (value.nodeId === undefined) !== (value.customerId === undefined),
        'give a controller or a customer',
      ),
    output: enirisLicenceListSchema,
  },
  'licensespring:product': { input: onProfile, output: lsProductViewSchema },
  /** `refresh`: ask the server now; otherwise the last answer with a fresh local check. */
  'licensespring:details': {
    input: z.object({ profileId, refresh: z.boolean().optional() }).strict(),
    output: lsLicenceDetailsSchema,
  },
  /** Asks the server for this computer's trial key and activates it. */
  'licensespring:trial': {
    input: z.object({ profileId, email: z.email().optional() }).strict(),
    output: licenceViewSchema,
  },
  'licensespring:borrow': {
    input: z.object({ profileId, until: borrowUntil }).strict(),
    output: lsLicenceDetailsSchema,
  },
  'licensespring:release': { input: onProfile, output: lsLicenceDetailsSchema },
  /** Records usage on the licence, or on one feature when `feature` is given. */
  'licensespring:consume': {
    input: z
      .object({
        profileId,
        amount: z
          .number()
          .int()
          .min(-1_000_000)
          .max(1_000_000)
          .refine((n) => n !== 0, 'not 0'),
        feature: featureCode.optional(),
      })
      .strict(),
    output: lsLicenceDetailsSchema,
  },
  'licensespring:feature-check': {
    input: z.object({ profileId, feature: featureCode }).strict(),
    output: lsLicenceDetailsSchema,
  },
  'licensespring:feature-release': {
    input: z.object({ profileId, feature: featureCode }).strict(),
    output: lsLicenceDetailsSchema,
  },
  'licensespring:feature-borrow': {
    input: z.object({ profileId, feature: featureCode, until: borrowUntil }).strict(),
    output: lsLicenceDetailsSchema,
  },
  /** The activation request file (and its QR codes) for a licence key or account name. */
  'offline:request': {
    input: z.object({ profileId, key: licenceKey }).strict(),
    output: offlineRequestSchema,
  },
  /** The licence file the vendor's offline portal gave back, as the renderer read it. */
  'offline:activate': {
    input: z.object({ profileId, text: importedFile }).strict(),
    output: licenceViewSchema,
  },
  /** Forgets the licence here and answers the deactivation file for the portal. */
  'offline:deactivate': { input: onProfile, output: offlineRequestSchema },
  'licence-file:status': { input: onProfile, output: fileLicenceViewSchema },
  'licence-file:import': {
    input: z.object({ profileId, text: importedFile }).strict(),
    output: fileLicenceViewSchema,
  },
  'licence-file:remove': { input: onProfile, output: fileLicenceViewSchema },
  'hubs:list': { input: noInput, output: hubListSchema },
  'hubs:add': { input: z.object({ hub: hubDraftSchema }).strict(), output: hubViewSchema },
  'hubs:update': {
    input: z.object({ id: hubId, hub: hubDraftSchema }).strict(),
    output: hubViewSchema,
  },
  'hubs:remove': { input: z.object({ id: hubId }).strict(), output: hubListSchema },
  /** CSV text as the engineer picked it (the renderer reads the file). */
  'hubs:import': {
    input: z.object({ csv: z.string().max(5_000_000) }).strict(),
    output: hubImportResultSchema,
  },
  /** The inventory as CSV (no passwords). */
  'hubs:export': { input: noInput, output: z.object({ csv: z.string() }) },
  /** The fleet's licences as CSV, for the hand-over to the customer. */
  'hubs:report': { input: noInput, output: z.object({ csv: z.string() }) },
  /** Refreshes the given hubs (all when absent); progress comes as `hubs:changed` events. */
  'hubs:refresh': {
    input: z
      .object({
        ids: z.array(hubId).max(10_000).optional(),
        concurrency: z.number().int().min(1).max(64).optional(),
      })
      .strict(),
    output: hubListSchema,
  },
  /** Reads the certificate an https hub presents, for trust on first use. */
  'hubs:certificate': { input: z.object({ id: hubId }).strict(), output: hubCertificateSchema },
  /** Pins the certificate the engineer compared; refused if the hub now shows another. */
  'hubs:trust': {
    input: z
      .object({ id: hubId, fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) })
      .strict(),
    output: hubViewSchema,
  },
  'hubs:set-code': {
    input: z
      .object({
        id: hubId,
        code: z
          .string()
          .trim()
          .max(1_000)
          .regex(
            LICENCE_CODE_PATTERN,
            'a licence code is groups of hexadecimal digits joined by -',
          ),
      })
      .strict(),
    output: hubCodeChangeSchema,
  },
  /** The activation link the OS handed over, judged, at most once (then `none`). */
  'link:take': { input: noInput, output: pendingLinkSchema },
  'settings:start-at-login': { input: noInput, output: startAtLoginViewSchema },
  'settings:set-start-at-login': {
    input: z.object({ enabled: z.boolean() }).strict(),
    output: startAtLoginViewSchema,
  },
  'diagnostics:report': { input: inLocale, output: diagnosticsReportSchema },
  /** DNS, TCP, proxy, TLS and HTTP to each server of the profile; the first failure named. */
  'diagnostics:test-connection': { input: onProfileInLocale, output: connectionTestSchema },
  /** The support zip (tests every profile first), base64; credentials masked inside. */
  'diagnostics:bundle': { input: noInput, output: supportBundleSchema },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;
export type IpcOutput<C extends IpcChannel> = z.infer<IpcContract[C]['output']>;
export const IPC_CHANNELS: readonly IpcChannel[] = INVOKE_CHANNELS;

// The preload's allow-list and the contract must name the same channels, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _channelsMatch: Same<IpcChannel, (typeof INVOKE_CHANNELS)[number]> = true;
void _channelsMatch;

/** Pushed from main to the renderer whenever a licence or seat changes (heartbeat, loss, quit). */
export type EventChannel = (typeof EVENT_CHANNELS)[number];
export const eventContract = {
  'licence:changed': licenceViewSchema,
  'hubs:changed': hubsChangedSchema,
  'link:received': linkReceivedSchema,
} as const;
export type EventPayload<E extends EventChannel> = z.infer<(typeof eventContract)[E]>;

export const isIpcChannel = (value: unknown): value is IpcChannel =>
  typeof value === 'string' && Object.hasOwn(ipcContract, value);
