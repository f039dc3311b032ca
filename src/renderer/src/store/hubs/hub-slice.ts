import type { HubList } from '../../../../shared/hubs-model';
import { call } from '../../api';
import { tHubs } from '../../i18n/hubs.en';
import { failed, succeeded, type GetHubs, type SetHubs, type SliceShared } from './flow-runner';
import { mergeHubs, replaceHubs } from './hub-merge';
import { IDLE, type HubsState } from './hubs-state';

/** What one hub's side panel does: refresh, edit, remove, check its certificate, change its code. */

type HubSlice = Pick<
  HubsState,
  | 'hubFlows'
  | 'refreshHub'
  | 'updateHub'
  | 'removeHub'
  | 'checkCertificate'
  | 'trustCertificate'
  | 'setCode'
  | 'dismiss'
>;

export function createHubSlice(
  set: SetHubs,
  get: GetHubs,
  { flows, lists }: SliceShared,
): HubSlice {
  const { setHubFlow, runHub } = flows;
  // Per hub, only the latest certificate check may fill the panel.
  const certificateSeq = new Map<string, number>();

  /** A whole list answered a change (a removal): it replaces the inventory, and any list in flight. */
  const applyList = (list: HubList): void => {
    lists.next();
    set((state) => replaceHubs(state, list));
  };

  return {
    hubFlows: {},

    async refreshHub(id) {
      const result = await runHub(
        id,
        'refresh',
        () => call('hubs:refresh', { ids: [id] }),
        (list) => {
          const hub = list.hubs.find((candidate) => candidate.id === id);
          return hub ? succeeded(hub) : IDLE;
        },
      );
      // A one-hub refresh has its own progress; the fleet's bar keeps showing the fleet's.
      if (result?.ok) set((state) => mergeHubs(state, result.value.hubs));
    },

    async updateHub(id, draft) {
      const result = await runHub(
        id,
        'save',
        () => call('hubs:update', { id, hub: draft }),
        succeeded,
      );
      if (!result?.ok) return undefined;
      set((state) => mergeHubs(state, [result.value], true));
      return result.value;
    },

    async removeHub(id) {
      const name = get().byId[id]?.name ?? tHubs().fleet.announce.theHub;
      const result = await runHub(
        id,
        'remove',
        () => call('hubs:remove', { id }),
        () => succeeded(name),
      );
      if (!result?.ok) return false;
      applyList(result.value);
      return true;
    },

    async checkCertificate(id) {
      const seq = (certificateSeq.get(id) ?? 0) + 1;
      certificateSeq.set(id, seq);
      setHubFlow(id, 'certificate', { status: 'submitting' });
      const result = await call('hubs:certificate', { id });
      if (certificateSeq.get(id) !== seq) return;
      setHubFlow(id, 'certificate', result.ok ? succeeded(result.value) : failed(result.error));
    },

    async trustCertificate(id, fingerprint) {
      const result = await runHub(
        id,
        'trust',
        () => call('hubs:trust', { id, fingerprint }),
        succeeded,
      );
      if (!result?.ok) return false;
      set((state) => mergeHubs(state, [result.value], true));
      // The shown certificate is now the pinned one: ask again so the panel says so from the core.
      void get().checkCertificate(id);
      return true;
    },

    async setCode(id, code) {
      const result = await runHub(
        id,
        'setCode',
        () => call('hubs:set-code', { id, code }),
        succeeded,
      );
      if (!result?.ok) return false;
      set((state) => mergeHubs(state, [result.value.hub], true));
      return true;
    },

    dismiss(id, flow) {
      setHubFlow(id, flow, IDLE);
    },
  };
}
