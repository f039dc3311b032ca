import type { Fleet } from './fleet';
import type { ForeignHidAnswer } from './formats';
import type { HubTokens } from './tokens';

/** What every hub operation works with; one per engine, shared by all its hubs. */

export interface MobiusFlowCounters {
  /** Successful logins (token pairs issued by auth/login). */
  logins: number;
  /** Refresh tokens redeemed for a new pair. */
  refreshes: number;
  /** 200 answers to GET licence. */
  licenceReads: number;
  /** 200 answers to PUT licence. */
  licenceWrites: number;
  /** 401 answers of any route: wrong credentials and refused tokens alike. */
  unauthorized: number;
}

export interface HubContext {
  readonly fleet: Fleet;
  readonly tokens: HubTokens;
  readonly clock: { now(): number };
  readonly counters: MobiusFlowCounters;
  readonly foreignHid: ForeignHidAnswer;
}
