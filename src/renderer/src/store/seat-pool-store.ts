import { create } from 'zustand';
import type { SeatPoolView } from '../../../shared/model';
import { call } from '../api';
import { beginRefresh, endRefresh, LOADING, type Remote } from '../lib/remote';

interface SeatPoolState {
  readonly byProfile: Readonly<Record<string, Remote<SeatPoolView>>>;
  refresh(profileId: string): Promise<void>;
}

export const useSeatPoolStore = create<SeatPoolState>()((set, get) => ({
  byProfile: {},

  async refresh(profileId) {
    const before = get().byProfile[profileId];
    set((state) => ({ byProfile: { ...state.byProfile, [profileId]: beginRefresh(before) } }));
    const result = await call('seat:info', { profileId });
    set((state) => ({
      byProfile: {
        ...state.byProfile,
        [profileId]: endRefresh(state.byProfile[profileId], result),
      },
    }));
  },
}));

export function useSeatPool(profileId: string): Remote<SeatPoolView> {
  return useSeatPoolStore((state) => state.byProfile[profileId] ?? LOADING);
}
