import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';
import type { FileLicenceView, OfflineRequest } from '../../../shared/offline-model';
import type { Result } from '../../../shared/result';
import { call } from '../api';
import { beginRefresh, endRefresh, IDLE, LOADING, type Flow, type Remote } from '../lib/remote';

/**
 * Offline activation per profile: the LicenseSpring request and deactivation files with their QR
 * codes, the import of the portal's answer, and the vendor-signed licence file of a licence-file
 * profile. A successful LicenseSpring import needs nothing here afterwards: the core announces
 * the activation (`licence:changed`) and the activation screen shows it.
 */

export type OfflineFlowName = 'request' | 'import' | 'deactivate' | 'remove';

export interface OfflineProfileState {
  /** The last request file made here, kept until the licence it asks for is imported. */
  readonly request?: OfflineRequest;
  /** The deactivation file to take to the portal, once the licence is forgotten here. */
  readonly deactivation?: OfflineRequest;
  readonly fileLicence: Remote<FileLicenceView>;
  readonly flows: Readonly<Record<OfflineFlowName, Flow>>;
}

const EMPTY: OfflineProfileState = {
  fileLicence: LOADING,
  flows: { request: IDLE, import: IDLE, deactivate: IDLE, remove: IDLE },
};

interface OfflineState {
  readonly byProfile: Readonly<Record<string, OfflineProfileState>>;
  createRequest(profileId: string, key: string): Promise<void>;
  /** LicenseSpring: the licence file from the offline portal. */
  importResponse(profileId: string, text: string): Promise<boolean>;
  deactivate(profileId: string): Promise<void>;
  loadFileLicence(profileId: string): Promise<void>;
  importFileLicence(profileId: string, text: string): Promise<boolean>;
  removeFileLicence(profileId: string): Promise<void>;
  /** A file refused before it reached the core (too large, unreadable). */
  refuseFile(profileId: string, error: AppError): void;
  dismiss(profileId: string, flow: OfflineFlowName): void;
  /** Back to the start: the request made earlier is no longer wanted. */
  forgetRequest(profileId: string): void;
}

export const useOfflineStore = create<OfflineState>()((set, get) => {
  const current = (profileId: string): OfflineProfileState => get().byProfile[profileId] ?? EMPTY;
  const patch = (profileId: string, change: Partial<OfflineProfileState>): void =>
    set((state) => ({
      byProfile: { ...state.byProfile, [profileId]: { ...current(profileId), ...change } },
    }));
  const setFlow = (profileId: string, name: OfflineFlowName, flow: Flow): void =>
    patch(profileId, { flows: { ...current(profileId).flows, [name]: flow } });

  /** Runs one action with its flow, and hands a success to `keep`. */
  const run = async <T>(
    profileId: string,
    name: OfflineFlowName,
    send: () => Promise<Result<T>>,
    keep: (value: T) => Partial<OfflineProfileState>,
  ): Promise<boolean> => {
    setFlow(profileId, name, { status: 'submitting' });
    const result = await send();
    if (!result.ok) {
      setFlow(profileId, name, { status: 'failed', error: result.error });
      return false;
    }
    patch(profileId, {
      ...keep(result.value),
      flows: { ...current(profileId).flows, [name]: { status: 'succeeded', at: Date.now() } },
    });
    return true;
  };
  const loaded = (value: FileLicenceView): Partial<OfflineProfileState> => ({
    fileLicence: { status: 'loaded', value, refreshing: false },
  });

  return {
    byProfile: {},
    async createRequest(profileId, key) {
      await run(
        profileId,
        'request',
        () => call('offline:request', { profileId, key }),
        (request) => ({ request }),
      );
    },
    importResponse: (profileId, text) =>
      run(
        profileId,
        'import',
        () => call('offline:activate', { profileId, text }),
        () => ({ request: undefined, deactivation: undefined }),
      ),
    async deactivate(profileId) {
      await run(
        profileId,
        'deactivate',
        () => call('offline:deactivate', { profileId }),
        (deactivation) => ({ deactivation, request: undefined }),
      );
    },
    async loadFileLicence(profileId) {
      patch(profileId, { fileLicence: beginRefresh(current(profileId).fileLicence) });
      const result = await call('licence-file:status', { profileId });
      patch(profileId, { fileLicence: endRefresh(current(profileId).fileLicence, result) });
    },
    importFileLicence: (profileId, text) =>
      run(profileId, 'import', () => call('licence-file:import', { profileId, text }), loaded),
    async removeFileLicence(profileId) {
      await run(profileId, 'remove', () => call('licence-file:remove', { profileId }), loaded);
    },
    refuseFile(profileId, error) {
      setFlow(profileId, 'import', { status: 'failed', error });
    },
    dismiss(profileId, flow) {
      setFlow(profileId, flow, IDLE);
    },
    forgetRequest(profileId) {
      patch(profileId, { request: undefined, deactivation: undefined });
      setFlow(profileId, 'request', IDLE);
    },
  };
});

export const useOfflineProfile = (profileId: string): OfflineProfileState =>
  useOfflineStore((state) => state.byProfile[profileId] ?? EMPTY);
