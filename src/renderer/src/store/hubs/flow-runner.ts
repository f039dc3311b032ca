import type { StoreApi } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { Result } from '../../../../shared/result';
import type { ListOrder } from './hub-merge';
import {
  IDLE,
  IDLE_HUB_FLOWS,
  type FleetFlowName,
  type FleetFlows,
  type HubFlowName,
  type HubFlows,
  type HubsState,
  type Outcome,
} from './hubs-state';

/**
 * The outcome each action keeps beside its button: set directly, or around one call to the core
 * (a second click while it is on its way is ignored). Shared by the slices of the hubs store.
 */

export type SetHubs = StoreApi<HubsState>['setState'];
export type GetHubs = StoreApi<HubsState>['getState'];

export const succeeded = <T>(value: T): Outcome<T> => ({
  status: 'succeeded',
  value,
  at: Date.now(),
});
export const failed = (error: AppError): Outcome<never> => ({
  status: 'failed',
  error,
  at: Date.now(),
});

export function createFlowRunner(set: SetHubs, get: GetHubs) {
  const setHubFlow = <F extends HubFlowName>(id: string, flow: F, outcome: HubFlows[F]): void =>
    set((state) => ({
      hubFlows: {
        ...state.hubFlows,
        [id]: { ...(state.hubFlows[id] ?? IDLE_HUB_FLOWS), [flow]: outcome },
      },
    }));

  const setFleetFlow = <F extends FleetFlowName>(flow: F, outcome: FleetFlows[F]): void =>
    set((state) => ({ fleetFlows: { ...state.fleetFlows, [flow]: outcome } }));

  const hubFlow = (id: string, flow: HubFlowName): Outcome<unknown> =>
    get().hubFlows[id]?.[flow] ?? IDLE;

  /** Runs one hub action; a second click while it is on its way is ignored. */
  const runHub = async <F extends HubFlowName, T>(
    id: string,
    flow: F,
    send: () => Promise<Result<T>>,
    outcome: (value: T) => HubFlows[F],
  ): Promise<Result<T> | undefined> => {
    if (hubFlow(id, flow).status === 'submitting') return undefined;
    setHubFlow(id, flow, { status: 'submitting' } as HubFlows[F]);
    const result = await send();
    setHubFlow(id, flow, result.ok ? outcome(result.value) : (failed(result.error) as HubFlows[F]));
    return result;
  };

  const runFleet = async <F extends FleetFlowName, T>(
    flow: F,
    send: () => Promise<Result<T>>,
    outcome: (value: T) => FleetFlows[F],
  ): Promise<Result<T> | undefined> => {
    if (get().fleetFlows[flow].status === 'submitting') return undefined;
    setFleetFlow(flow, { status: 'submitting' } as FleetFlows[F]);
    const result = await send();
    setFleetFlow(flow, result.ok ? outcome(result.value) : (failed(result.error) as FleetFlows[F]));
    return result;
  };

  return { setHubFlow, setFleetFlow, runHub, runFleet };
}
export type FlowRunner = ReturnType<typeof createFlowRunner>;

/** What the fleet and hub slices share: the outcome runner and the order of whole-list answers. */
export interface SliceShared {
  readonly flows: FlowRunner;
  readonly lists: ListOrder;
}
