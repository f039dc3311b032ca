import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FaultSpec } from '../../src/sandbox';
import {
  appErrorSchema,
  RETRYABLE_CODES,
  type AppError,
  type ErrorCode,
} from '../../src/shared/errors';
import {
  FAULT_RIGS,
  type Rig,
  type RigDescriptor,
  type RigOptions,
  type Stored,
} from '../support/fault-rigs';
import { useTempDir } from '../support/temp-dir';

/**
 * The reliability fault matrix (RELIABILITY-SECURITY.md §3), proved for every backend through its
 * sandbox over real loopback HTTP, and written up in docs/fault-table.md. Rows are faults, columns
 * are the backends of test/support/fault-rigs.ts; no row is written per backend. For each cell:
 *
 * - the person sees a coded error they can act on (a known code, the right retryable flag, words
 *   that say what to do, no secret in them);
 * - what this computer stored (state documents and every secret) is exactly as before;
 * - a call the person made is never retried behind their back (the server sees one request), except
 *   the one designed retry after a 401 with a freshly renewed token;
 * - the same call works again once the fault is gone.
 *
 * Background keep-alive (floating seats and slots) has its own rows at the end: retried with
 * backoff, Retry-After honoured, and a seat lost to an outage retaken without user action. A reply
 * that does not fit the contract (malformed, wrong shape, captive portal) is treated there like an
 * outage too: a person's call shows it, the background keeps trying.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
/** Ordinary per-request deadline of these installations; rows about slowness use a short one. */
const DEADLINE_MS = 2_000;
/** The shortest deadline a vendor configuration accepts (vendor-config.ts: timeoutMs ≥ 500). */
const SHORT_DEADLINE_MS = 500;
const GAVE_UP = /did not answer within 0\.5 seconds/;

const tempDir = useTempDir();
const running: Rig[] = [];
afterEach(async () => {
  for (const rig of running.splice(0)) await rig.close();
});

async function start(descriptor: RigDescriptor, options: Partial<RigOptions> = {}): Promise<Rig> {
  const rig = await descriptor.start({
    timeoutMs: DEADLINE_MS,
    keepAlive: false,
    dataDir: tempDir(),
    ...options,
  });
  running.push(rig);
  return rig;
}

/**
 * What is stored once the installation is at rest: a call may leave a write running after it
 * answers (LicenseSpring confirms its time anchor in the background), which is not the fault's doing.
 */
async function settledStored(rig: Rig): Promise<Stored> {
  let previous = await rig.stored();
  for (let tries = 0; tries < 40; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const current = await rig.stored();
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  throw new Error('The stored state kept changing for a second after the last call');
}

/** Requests the sandbox saw on `path` since `mark` (an index into its log). */
const requestsTo = (rig: Rig, path: string, mark: number): number =>
  rig.faults.seen.slice(mark).filter((hit) => hit.path === path).length;

/** What every message of a code must say, so the person knows what to do about it. */
const ACTIONABLE: Readonly<Partial<Record<ErrorCode, RegExp>>> = {
  offline: /Check|Try again/,
  timeout: /try again|did not finish/i,
  server_error: /Try again/,
  rate_limited: /\d+ seconds/,
  protocol: /try again|check the server address|contact the vendor/i,
  tampered: /could not be verified/,
  unauthorized: /clock/,
};

function expectActionable(
  error: AppError | undefined,
  code: ErrorCode,
  secrets: readonly string[],
  words?: RegExp,
): asserts error is AppError {
  expect(error, `expected a coded ${code} error`).toBeDefined();
  if (!error) return;
  expect(appErrorSchema.parse(error)).toEqual(error);
  expect(error.code).toBe(code);
  expect(error.retryable).toBe(RETRYABLE_CODES.has(code));
  expect(error.message).toMatch(ACTIONABLE[code] ?? /./);
  if (words) expect(error.message).toMatch(words);
  for (const secret of secrets) if (secret.length >= 6) expect(error.message).not.toContain(secret);
}

/** Secrets identical, except rotating ones, which may change but never disappear. */
function expectSecretsKept(before: Stored, after: Stored, rotates: readonly string[]): void {
  const rotating = (name: string) => rotates.some((prefix) => name.startsWith(prefix));
  const stable = (stored: Stored) =>
    Object.fromEntries(Object.entries(stored.secrets).filter(([name]) => !rotating(name)));
  expect(stable(after)).toEqual(stable(before));
  for (const name of Object.keys(before.secrets).filter(rotating))
    expect(after.secrets[name], `${name} was dropped`).toBeTruthy();
}

/** The sandbox's clock runs `skewMs` ahead of this computer's. */
const SKEWS = [
  { name: '10 minutes behind the server', skewMs: 10 * MINUTE },
  { name: '10 minutes ahead of the server', skewMs: -10 * MINUTE },
  { name: '20 minutes behind the server', skewMs: 20 * MINUTE },
  { name: '20 minutes ahead of the server', skewMs: -20 * MINUTE },
] as const;

// ---------------------------------------------------------------------------------------------
// Faults on a call the person makes

interface FaultRow {
  readonly name: string;
  /** A short client deadline, for the rows about servers that are slow or silent. */
  readonly deadlineMs?: number;
  inject(rig: Rig): Promise<void> | void;
  /** The code shown, unless the backend differs (RigDescriptor.differences). */
  code(descriptor: RigDescriptor): ErrorCode;
  /** Requests the call sends to the faulted route: one (no retry), none when refused. */
  requests(descriptor: RigDescriptor): number;
  readonly words?: RegExp;
  readonly retryAfterSeconds?: number;
}

const FAULTS: readonly FaultRow[] = [
  {
    name: 'timeout: the server accepts and never answers',
    deadlineMs: SHORT_DEADLINE_MS,
    inject: (rig) => rig.faults.inject({ kind: 'hang', path: rig.path }),
    code: () => 'timeout',
    requests: () => 1,
    words: GAVE_UP,
  },
  {
    name: 'slow for minutes: headers at once, then a byte every 50 ms',
    deadlineMs: SHORT_DEADLINE_MS,
    inject: (rig) => rig.faults.inject({ kind: 'drip', intervalMs: 50, path: rig.path }),
    code: () => 'timeout',
    requests: () => 1,
    words: GAVE_UP,
  },
  {
    name: 'connection refused (network down)',
    inject: (rig) => rig.link.cut(),
    code: () => 'offline',
    requests: () => 0,
    words: /connection refused/,
  },
  {
    name: 'connection reset',
    inject: (rig) => rig.faults.inject({ kind: 'reset', path: rig.path }),
    code: () => 'offline',
    requests: (descriptor) => descriptor.differences?.requestsAfterReset ?? 1,
    words: /cut off/,
  },
  {
    name: '5xx (503)',
    inject: (rig) => rig.faults.inject({ kind: 'status', status: 503, path: rig.path }),
    code: () => 'server_error',
    requests: () => 1,
    words: /HTTP 503/,
  },
  {
    name: '429 with Retry-After: 7',
    inject: (rig) =>
      rig.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 7, path: rig.path }),
    code: () => 'rate_limited',
    requests: () => 1,
    words: /7 seconds/,
    retryAfterSeconds: 7,
  },
  {
    name: 'malformed JSON',
    inject: (rig) => rig.faults.inject({ kind: 'malformed', path: rig.path }),
    code: () => 'protocol',
    requests: () => 1,
    words: /damaged reply/,
  },
  {
    name: 'a reply that breaks the schema',
    inject: (rig) => rig.faults.inject({ kind: 'schema', body: rig.brokenReply, path: rig.path }),
    code: (descriptor) => descriptor.differences?.schemaCode ?? 'protocol',
    requests: () => 1,
  },
  {
    name: 'captive portal: 200 with an HTML sign-in page',
    inject: (rig) => rig.faults.inject({ kind: 'portal', path: rig.path }),
    code: () => 'protocol',
    requests: () => 1,
    words: /web page/,
  },
];

describe.each(FAULT_RIGS)('$name: a call the person makes', (descriptor) => {
  it.each(FAULTS)('$name', async (row) => {
    const rig = await start(descriptor, { timeoutMs: row.deadlineMs ?? DEADLINE_MS });
    await rig.prime();
    const before = await settledStored(rig);
    const mark = rig.faults.seen.length;
    await row.inject(rig);

    const began = performance.now();
    const error = await rig.attempt();
    const elapsed = performance.now() - began;

    expectActionable(error, row.code(descriptor), await rig.secretValues(), row.words);
    if (row.retryAfterSeconds !== undefined)
      expect(error.retryAfterSeconds).toBe(row.retryAfterSeconds);
    // Never retried behind the person's back, and never longer than the deadline.
    expect(requestsTo(rig, rig.path, mark)).toBe(row.requests(descriptor));
    expect(elapsed).toBeLessThan((row.deadlineMs ?? DEADLINE_MS) + 1_500);
    // Nothing stored is lost or changed.
    expect(await rig.stored()).toEqual(before);
    expect(await rig.healthy()).toBe(true);

    // The fault gone, the very same call works with what was kept.
    rig.faults.clear();
    await rig.link.restore();
    expect(await rig.attempt()).toBeUndefined();
    expect(await rig.healthy()).toBe(true);
  });

  const { expiry } = descriptor;
  it.skipIf('notApplicable' in expiry)(
    `a credential that expires between two calls: ${'what' in expiry ? expiry.what : expiry.notApplicable}`,
    async () => {
      if (!('what' in expiry)) return;
      const rig = await start(descriptor);
      await rig.prime();
      const before = await settledStored(rig);
      // Twice: the second round proves that what the first one renewed or rotated was kept.
      for (let round = 1; round <= 2; round += 1) {
        const mark = rig.faults.seen.length;
        await rig.expireCredential?.();
        expect(await rig.attempt(), `round ${round}`).toBeUndefined();
        expect(await rig.healthy()).toBe(true);
        expect(requestsTo(rig, rig.path, mark)).toBe(expiry.requests);
        if (expiry.renewalPath) expect(requestsTo(rig, expiry.renewalPath(rig), mark)).toBe(1);
      }
      expectSecretsKept(before, await rig.stored(), expiry.rotates);
    },
  );

  it.each(SKEWS)('clock skew: this computer is $name', async ({ skewMs }) => {
    const rig = await start(descriptor);
    await rig.prime();
    const before = await settledStored(rig);
    rig.skewMs = skewMs;
    const mark = rig.faults.seen.length;
    const error = await rig.attempt();
    const window = descriptor.clockWindowMs;
    if (window !== undefined && Math.abs(skewMs) > window) {
      const direction = skewMs > 0 ? 'behind' : 'ahead of';
      expectActionable(
        error,
        'unauthorized',
        await rig.secretValues(),
        new RegExp(`clock is 20 minutes ${direction} the server's time`),
      );
      expect(await rig.stored()).toEqual(before);
      return;
    }
    expect(error).toBeUndefined();
    expect(await rig.healthy()).toBe(true);
    // A server that finds our token stale by its clock gets one renewal, never a loop.
    expect(requestsTo(rig, rig.path, mark)).toBeLessThanOrEqual(2);
    const rotates = 'rotates' in descriptor.expiry ? descriptor.expiry.rotates : [];
    expectSecretsKept(before, await rig.stored(), rotates);
  });
});

// ---------------------------------------------------------------------------------------------
// Faults during the background keep-alive of a floating seat (Babel) or slot (LicenseSpring)

/** Settles once the renew a timer started has finished over real HTTP and the next is planned. */
const armed = (rig: Rig) =>
  vi.waitFor(() => expect(rig.clock.pendingTimers().length).toBeGreaterThan(0), {
    timeout: 5_000,
    interval: 5,
  });

/** Moves the clock `ms` in steps, letting every renew that comes due finish in between. */
async function runClock(rig: Rig, ms: number, stepMs: number): Promise<void> {
  for (let moved = 0; moved < ms; moved += stepMs) {
    await rig.clock.advanceAsync(Math.min(stepMs, ms - moved));
    await armed(rig);
  }
}

/** Moves the clock in steps until `done`, failing after `maxMs` of clock time. */
async function runClockUntil(
  rig: Rig,
  stepMs: number,
  maxMs: number,
  done: () => Promise<boolean>,
): Promise<void> {
  for (let moved = 0; !(await done()); moved += stepMs) {
    if (moved >= maxMs) throw new Error(`not done after ${maxMs / SECOND} s of clock time`);
    await rig.clock.advanceAsync(stepMs);
    await armed(rig);
  }
}

const keepAliveOf = (rig: Rig) => {
  if (!rig.keepAlive) throw new Error('this rig has no keep-alive');
  return rig.keepAlive;
};

/** Held again as the person sees it, and counted by the server. */
const heldAgain = (rig: Rig) => async (): Promise<boolean> => {
  const view = await keepAliveOf(rig).view();
  return view.held && view.state !== 'retrying' && (await keepAliveOf(rig).serverHolds());
};

/**
 * Clock times at which renewals reached the server, up to `count` of them since `mark`, moving the
 * clock `stepMs` at a time. A time is the end of the step the renewal fired in, which is also when
 * the scheduler planned the next one from: gaps are exact to within one step.
 */
async function renewalTimes(
  rig: Rig,
  path: string,
  mark: number,
  count: number,
  stepMs: number,
): Promise<number[]> {
  const times = [rig.clock.now()];
  for (let moved = 0; times.length < count; moved += stepMs) {
    if (moved > 2 * MINUTE) throw new Error(`only ${times.length} renewals in ${moved} ms`);
    await rig.clock.advanceAsync(stepMs);
    await armed(rig);
    while (times.length < requestsTo(rig, path, mark)) times.push(rig.clock.now());
  }
  return times;
}

/** Faults on the renew route that a heartbeat retries (retryable codes). */
const RETRIED = [
  { name: 'timeout', code: 'timeout', fault: { kind: 'hang' } },
  { name: 'connection reset', code: 'offline', fault: { kind: 'reset' } },
  { name: '5xx (503)', code: 'server_error', fault: { kind: 'status', status: 503 } },
  {
    name: '429 with Retry-After: 30',
    code: 'rate_limited',
    fault: { kind: 'status', status: 429, retryAfterSeconds: 30 },
    retryAfterMs: 30 * SECOND,
  },
] as const;

/**
 * Replies that reach us but do not fit the contract (F9, F11). A person's call shows them at once;
 * in the background they are retried like an outage (licensing-error.ts: retriedInBackground),
 * because nothing from them is kept and nobody is there to click "renew now".
 */
const BAD_REPLIES = [
  { name: 'malformed JSON', fault: () => ({ kind: 'malformed' }) as const },
  {
    name: 'a reply that breaks the schema',
    fault: (brokenRenewal: unknown) => ({ kind: 'schema', body: brokenRenewal }) as const,
    schema: true,
  },
  {
    name: 'captive portal (200 with an HTML sign-in page)',
    fault: () => ({ kind: 'portal' }) as const,
  },
] as const;

/** The licence and seat records of the state document: what the keep-alive rows must not lose. */
const records = (stored: Stored) => {
  const state = stored.documents['state.json'] as { licences: unknown; leases: unknown };
  return { licences: state.licences, leases: state.leases };
};

describe.each(FAULT_RIGS.filter((descriptor) => descriptor.keepAlive))(
  '$name: keep-alive',
  (descriptor) => {
    const timing = descriptor.keepAlive;
    if (!timing) return;

    async function holding(options: Partial<RigOptions> = {}) {
      const rig = await start(descriptor, { keepAlive: true, ...options });
      await rig.prime();
      await armed(rig);
      const keepAlive = keepAliveOf(rig);
      expect(await heldAgain(rig)()).toBe(true);
      return { rig, keepAlive, token: await keepAlive.token(), before: await settledStored(rig) };
    }

    const { renewPath, dueMs } = timing;
    /** `fault` on every renewal: the next one comes due and fails. What the person sees then. */
    async function failNextRenewal(rig: Rig, fault: FaultSpec) {
      rig.faults.inject({ ...fault, path: renewPath });
      const mark = rig.faults.seen.length;
      await rig.clock.advanceAsync(dueMs);
      await armed(rig);
      expect(requestsTo(rig, renewPath, mark)).toBe(1);
      const failing = await keepAliveOf(rig).view();
      expect(failing.held).toBe(true);
      return { mark, failing };
    }

    /** Full-jitter backoff from 1 s, doubling: each of `tries` within 1 s, 2 s, 4 s… of the last. */
    async function expectBackoff(rig: Rig, mark: number, tries: number) {
      const times = await renewalTimes(rig, renewPath, mark, tries, 100);
      times.slice(1).forEach((time, index) => {
        const gap = time - (times[index] ?? 0);
        expect(gap).toBeGreaterThan(0);
        expect(gap).toBeLessThanOrEqual(SECOND * 2 ** index + 100);
      });
    }

    it(`the network drops during a renewal of the ${timing.what} and returns before the server lets go`, async () => {
      const { rig, keepAlive, token, before } = await holding();
      rig.faults.inject({ kind: 'latency', ms: 10_000, path: timing.renewPath, times: 1 });
      const mark = rig.faults.seen.length;
      await rig.clock.advanceAsync(timing.dueMs);
      await vi.waitFor(() => expect(requestsTo(rig, timing.renewPath, mark)).toBe(1));
      await rig.link.cut(); // under the renewal in flight
      await armed(rig);
      const during = await keepAlive.view();
      expect(during.held).toBe(true);
      if (during.state) expect([during.state, during.error?.code]).toEqual(['retrying', 'offline']);

      await rig.link.restore();
      const back = rig.faults.seen.length;
      const renewed = heldAgain(rig);
      await runClockUntil(
        rig,
        SECOND,
        2 * MINUTE,
        async () => requestsTo(rig, timing.renewPath, back) >= 1 && (await renewed()),
      );
      // The same seat, kept: nothing was retaken and nothing stored was lost.
      expect(await keepAlive.token()).toBe(token);
      expectSecretsKept(before, await rig.stored(), []);
      expect(await rig.healthy()).toBe(true);
    });

    it(`an outage outlasts the server's hold on the ${timing.what} but not the grace window: retaken when the network returns`, async () => {
      const { rig, keepAlive, token, before } = await holding();
      await rig.link.cut();
      await runClock(rig, timing.serverKeepsMs + MINUTE, 30 * SECOND);
      expect((await keepAlive.view()).held).toBe(true); // retrying, within the grace window
      await rig.link.restore();
      expect(await keepAlive.serverHolds()).toBe(false); // the server let it go meanwhile

      await runClockUntil(rig, 5 * SECOND, 2 * MINUTE, heldAgain(rig));
      const retaken = await keepAlive.token();
      if (token !== undefined) expect(retaken).not.toBe(token); // a new seat, stored
      expectSecretsKept(before, await rig.stored(), ['seat-token:']);
      expect(await rig.healthy()).toBe(true);
    });

    it(`an outage outlasts the grace window: the ${timing.what} counts as lost, then is retaken without user action`, async () => {
      const { rig, keepAlive, before } = await holding();
      await rig.link.cut();
      await runClock(rig, timing.lostAfterMs + MINUTE, MINUTE);
      const lost = await keepAlive.view();
      expect(lost.held).toBe(false);
      if (lost.state) expect([lost.state, lost.error?.code]).toEqual(['lost', 'offline']);
      // Lost is about the seat, not the licence: the key, the activation and the seat record stay.
      expectSecretsKept(before, await rig.stored(), ['seat-token:']);
      expect(await rig.healthy()).toBe(true);

      await rig.link.restore();
      // Retaken at the lost-seat pace (60 s ± 10 %), with nobody clicking anything.
      await runClockUntil(rig, 10 * SECOND, 90 * SECOND, heldAgain(rig));
      expect(await rig.healthy()).toBe(true);
    });

    it.each(RETRIED)(`$name on renewals: retried with backoff, then held again`, async (row) => {
      const { rig } = await holding({ timeoutMs: SHORT_DEADLINE_MS });
      const { mark, failing } = await failNextRenewal(rig, row.fault);
      if (failing.state) {
        expect([failing.state, failing.error?.code]).toEqual(['retrying', row.code]);
        expect(failing.error?.retryable).toBe(true);
      }

      if ('retryAfterMs' in row) {
        // Retry-After is a floor, with up to +10 % jitter so clients told the same do not return
        // together; the grace window caps it (not reached here).
        if (failing.state) expect(failing.error?.retryAfterSeconds).toBe(30);
        const [first = 0, second = 0] = await renewalTimes(rig, timing.renewPath, mark, 2, 500);
        expect(second - first).toBeGreaterThanOrEqual(row.retryAfterMs);
        expect(second - first).toBeLessThanOrEqual(row.retryAfterMs * 1.1 + 500);
      } else {
        // The 2nd try within 1 s, the 3rd within 2 s (a hanging server costs a real deadline
        // per try, so it is watched for two).
        await expectBackoff(rig, mark, row.fault.kind === 'hang' ? 2 : 3);
      }

      rig.faults.clear();
      await runClockUntil(rig, 5 * SECOND, 2 * MINUTE, heldAgain(rig));
      expect(await rig.healthy()).toBe(true);
    });

    /** The code a bad reply gets on this backend (LicenseSpring refuses unsigned JSON as tampered). */
    const badReplyCode = (row: (typeof BAD_REPLIES)[number]): ErrorCode =>
      'schema' in row ? (descriptor.differences?.schemaCode ?? 'protocol') : 'protocol';

    it.each(BAD_REPLIES)(
      `$name on renewals: retried with backoff, the ${timing.what} kept, held again without user action`,
      async (row) => {
        const { rig, keepAlive, token, before } = await holding();
        const { mark, failing } = await failNextRenewal(rig, row.fault(keepAlive.brokenRenewal));
        if (failing.state)
          expect([failing.state, failing.error?.code]).toEqual(['retrying', badReplyCode(row)]);

        // The same backoff as an outage: the 2nd try within 1 s, the 3rd within 2 s.
        await expectBackoff(rig, mark, 3);
        expect((await keepAlive.view()).held).toBe(true);
        // Nothing from the bad replies was kept, and nothing stored was lost.
        const during = await rig.stored();
        expect(records(during)).toEqual(records(before));
        expectSecretsKept(before, during, []);

        rig.faults.clear();
        await runClockUntil(rig, 5 * SECOND, 2 * MINUTE, heldAgain(rig));
        // Still the same seat: the server never let it go, so nothing was retaken.
        expect(await keepAlive.token()).toBe(token);
        expectSecretsKept(before, await rig.stored(), []);
        expect(await rig.healthy()).toBe(true);
      },
    );

    it.each(BAD_REPLIES)(
      `$name on renewals past the grace window: the ${timing.what} counts as lost, then is retaken without user action`,
      async (row) => {
        const { rig, keepAlive, before } = await holding();
        rig.faults.inject({ ...row.fault(keepAlive.brokenRenewal), path: timing.renewPath });
        await runClock(rig, timing.lostAfterMs + MINUTE, MINUTE);
        const lost = await keepAlive.view();
        expect(lost.held).toBe(false);
        if (lost.state) expect([lost.state, lost.error?.code]).toEqual(['lost', badReplyCode(row)]);
        // Still trying in the background, at the lost-seat pace (60 s ± 10 %), not stopped.
        const mark = rig.faults.seen.length;
        await runClock(rig, 3 * MINUTE, 10 * SECOND);
        const tries = requestsTo(rig, timing.renewPath, mark);
        expect(tries).toBeGreaterThanOrEqual(2);
        expect(tries).toBeLessThanOrEqual(4);
        // Lost is about the seat, not the licence: the key, the activation and the seat record stay.
        const during = await rig.stored();
        expect(records(during)).toEqual(records(before));
        expectSecretsKept(before, during, []);
        expect(await rig.healthy()).toBe(true);

        rig.faults.clear();
        await runClockUntil(rig, 10 * SECOND, 90 * SECOND, heldAgain(rig));
        expectSecretsKept(before, await rig.stored(), ['seat-token:']);
        expect(await rig.healthy()).toBe(true);
      },
    );

    it.each(SKEWS.slice(0, 2))(
      `this computer's clock $name: renewals keep the server's pace`,
      async ({ skewMs }) => {
        const rig = await start(descriptor, { keepAlive: true });
        rig.skewMs = skewMs; // off from the start, as on a computer whose clock was never set
        await rig.prime();
        await armed(rig);
        const mark = rig.faults.seen.length;
        const runMs = 8 * timing.intervalMs;
        await runClock(rig, runMs, timing.intervalMs / 4);
        // At most one renewal per half interval: never a renew-every-second loop.
        const renewals = requestsTo(rig, timing.renewPath, mark);
        expect(renewals).toBeGreaterThanOrEqual(runMs / (2 * timing.intervalMs));
        expect(renewals).toBeLessThanOrEqual(Math.floor(runMs / (0.45 * timing.intervalMs)) + 1);
        expect(await heldAgain(rig)()).toBe(true);
      },
    );
  },
);
