import type { Clock } from '../../shared/clock';
import type { HeartbeatScheduler } from './heartbeat-scheduler';

/**
 * Re-checks activations whose backend asks for it (FLECS: the console may revoke a device licence
 * and rotates its session id), through the one heartbeat scheduler: the same jitter, backoff and
 * resume-from-sleep as seats. Entries are `validate:<profile>`, apart from seats.
 *
 * The scheduler's default rule applies (`retriedInBackground`): network errors and replies that do
 * not fit the contract (a captive portal's page) are retried, so one bad reply does not end the
 * checks until the next start; a refusal (revoked, expired, unauthorized) still ends them.
 */
export function createRevalidation(deps: {
  readonly scheduler: HeartbeatScheduler;
  readonly clock: Clock;
  readonly validate: (profileId: string) => Promise<unknown>;
  /** How often this profile's backend wants a check; undefined for never. */
  readonly everyMsOf: (profileId: string) => number | undefined;
  /** Only long-running hosts (app, browser host) keep checking; a CLI run does not. */
  readonly enabled: boolean;
}) {
  const idOf = (profileId: string) => `validate:${profileId}`;
  return {
    start(profileId: string): void {
      const everyMs = deps.everyMsOf(profileId);
      if (!deps.enabled || !everyMs) return;
      // The "lease" is the promise of the next check: due after `everyMs`, counted lost after two.
      const timing = () => ({
        expiresAt: deps.clock.now() + 2 * everyMs,
        heartbeatIntervalMs: everyMs,
      });
      deps.scheduler.track(idOf(profileId), timing(), {
        renew: async () => {
          await deps.validate(profileId);
          return timing();
        },
        onChange: () => undefined,
      });
    },
    stop(profileId: string): void {
      deps.scheduler.untrack(idOf(profileId));
    },
  };
}
