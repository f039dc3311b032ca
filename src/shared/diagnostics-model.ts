import { z } from 'zod';
import { ERROR_CODES } from './errors';
import { textSchema } from './text-schema';

/**
 * What the diagnostics screen, `license-manager diagnose` and the support bundle show: versions,
 * the configuration without secrets, how secrets are kept on this computer, what the fingerprint
 * rests on, recent log lines, and connection tests. Nothing here has room for a secret: the
 * configuration summary names whether a credential is set, never its value.
 */

const epochMs = z.number().int().nonnegative();

/** The steps of a connection test, in the order they run. */
export const CONNECTION_STEPS = ['dns', 'tcp', 'proxy', 'tls', 'http'] as const;
export type ConnectionStep = (typeof CONNECTION_STEPS)[number];

export const stepResultSchema = z.object({
  step: z.enum(CONNECTION_STEPS),
  /** `skipped`: an earlier step failed, so this one could not run. */
  status: z.enum(['ok', 'failed', 'skipped']),
  /** What was checked or found, e.g. "licensing.acme.example → 203.0.113.7". */
  detail: z.string(),
  /** How long the step took (not for skipped steps). */
  ms: z.number().int().nonnegative().optional(),
});
export type StepResult = z.infer<typeof stepResultSchema>;

export const targetResultSchema = z.object({
  /** The server tested, as scheme://host:port (never a path or query). */
  url: z.string(),
  /** The proxy the request goes through, host:port; absent when it goes direct. */
  via: z.string().optional(),
  /**
   * Proxies of the setting that could not be reached, each with why ("TCP: The proxy … refused the
   * connection — …"): the next route of the setting was tested instead, as the app does.
   */
  passedOver: z.array(z.string()).optional(),
  steps: z.array(stepResultSchema),
  /** The first step that failed, with what to do: "DNS: x not found — check the address…". */
  failure: z
    .object({ step: z.enum(CONNECTION_STEPS), code: z.enum(ERROR_CODES), message: z.string() })
    .optional(),
});
export type TargetResult = z.infer<typeof targetResultSchema>;

export const connectionTestSchema = z.object({
  profileId: z.string(),
  label: z.string(),
  testedAt: epochMs,
  ok: z.boolean(),
  /** One per server the profile talks to (Eniris: sign-in and API; OAuth: the token server). */
  targets: z.array(targetResultSchema),
  /** Why there is nothing to test (licence files, MobiusFlow hubs). */
  note: z.string().optional(),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

const setting = z.object({ name: z.string(), value: z.string() });

export const diagnosticsReportSchema = z.object({
  generatedAt: epochMs,
  versions: z.object({
    app: z.string(),
    /** Absent outside the Electron app (CLI, browser host). */
    electron: z.string().optional(),
    chrome: z.string().optional(),
    node: z.string(),
    os: z.string(),
  }),
  configuration: z.object({
    productName: z.string(),
    productId: z.string(),
    demoMode: z.boolean(),
    allowWeakSecretStore: z.boolean(),
    profiles: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        label: z.string(),
        /** Server addresses (origins) and non-secret settings; credentials only as "set". */
        settings: z.array(setting),
      }),
    ),
  }),
  network: z.object({
    /** Where the proxy decision comes from, in words. */
    proxySource: z.string(),
    /** The proxy variables that are set (credentials hidden); empty in the Electron app. */
    proxyVariables: z.array(setting),
    caFile: z.string().optional(),
    /** Subject and expiry of each certificate in the CA bundle. */
    caCertificates: z.array(z.object({ subject: z.string(), validTo: z.string() })),
    /**
     * This computer's certificate store (the Electron app): how many of its CAs are trusted, or
     * why none (`macos`: not read there; `unreadable`). Absent: hosts that do not use it.
     */
    systemStore: z
      .union([
        z.object({ trusted: z.number().int().nonnegative() }).strict(),
        z.object({ unused: z.enum(['macos', 'unreadable']) }).strict(),
      ])
      .optional(),
    /**
     * The Electron app, once a proxy asked for Windows sign-in (Negotiate, NTLM): that proxy
     * (host:port); requests now go through Chromium's network stack, which signs in.
     */
    windowsSignIn: z.object({ proxy: z.string() }).strict().optional(),
  }),
  secrets: z.object({
    /**
     * `os`: the OS keychain protects them; `weak`: obfuscated only (basic_text); `unavailable`:
     * none can be kept; `memory`: never written anywhere (tests).
     */
    level: z.enum(['os', 'weak', 'unavailable', 'memory']),
    mechanism: z.string(),
    backend: z.string(),
    explanation: z.string(),
  }),
  fingerprint: z.object({
    label: z.string(),
    source: z.enum(['machine-id', 'hostname']),
    /** Sentences: what the fingerprint is derived from, and what would change it. */
    basis: z.array(z.string()),
    warning: z.string().optional(),
  }),
  storageWarnings: z.array(z.string()),
  /** The same warnings as texts, in the same order; null where one stays English. */
  storageWarningTexts: z.array(textSchema.nullable()).optional(),
  recentLog: z.array(
    z.object({ at: epochMs, level: z.enum(['info', 'warn', 'error']), message: z.string() }),
  ),
});
export type DiagnosticsReport = z.infer<typeof diagnosticsReportSchema>;

export const supportBundleSchema = z.object({
  fileName: z.string(),
  /** The zip, base64: the one encoding both the Electron IPC and the browser host's JSON carry. */
  base64: z.string(),
  /** The files inside, for the screen to list. */
  entries: z.array(z.string()),
});
export type SupportBundle = z.infer<typeof supportBundleSchema>;
