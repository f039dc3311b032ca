import { create } from 'zustand';
import type { ConnectionTest, DiagnosticsReport } from '../../../shared/diagnostics-model';
import { call } from '../api';
import { downloadBlob } from '../components/download';
import { tDiagnostics } from '../i18n/diagnostics.en';
import { currentLocale } from '../i18n/messages';
import { beginRefresh, endRefresh, IDLE, LOADING, type Flow, type Remote } from '../lib/remote';

/**
 * The diagnostics screen: the report (versions, configuration, secrets, fingerprint, log), one
 * connection test per profile, run on request, and the support bundle export. The bundle comes
 * from main as base64 and is saved the way every file of the app is (a download in the browser
 * host, the save dialog in the Electron window); nothing in it is secret. Main writes the report's
 * and the tests' sentences in the interface's language; the bundle stays English (for support).
 */
interface DiagnosticsState {
  readonly report: Remote<DiagnosticsReport>;
  /** The latest test of each profile; absent until its first run. */
  readonly tests: Readonly<Record<string, Remote<ConnectionTest>>>;
  readonly bundle: Flow;
  /** What the screen's live region reads out: the outcome of the latest test or export. */
  readonly announcement: string;
  load(): Promise<void>;
  test(profileId: string): Promise<void>;
  exportBundle(): Promise<void>;
}

function testAnnouncement(test: ConnectionTest): string {
  const t = tDiagnostics().connections;
  const failure = test.targets.find((target) => target.failure)?.failure;
  return failure ? t.failed(test.label, failure.message) : t.works(test.label);
}

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));

export const useDiagnosticsStore = create<DiagnosticsState>()((set, get) => ({
  report: LOADING,
  tests: {},
  bundle: IDLE,
  announcement: '',

  async load() {
    set({ report: beginRefresh(get().report) });
    const result = await call('diagnostics:report', { locale: currentLocale() });
    set({ report: endRefresh(get().report, result) });
  },

  async test(profileId) {
    const running = beginRefresh(get().tests[profileId]);
    set({ tests: { ...get().tests, [profileId]: running } });
    const result = await call('diagnostics:test-connection', {
      profileId,
      locale: currentLocale(),
    });
    set({
      tests: { ...get().tests, [profileId]: endRefresh(get().tests[profileId], result) },
      announcement: result.ok ? testAnnouncement(result.value) : result.error.message,
    });
    // The test wrote a line to the recent log.
    void get().load();
  },

  async exportBundle() {
    set({ bundle: { status: 'submitting' } });
    const result = await call('diagnostics:bundle', {});
    if (!result.ok) return set({ bundle: { status: 'failed', error: result.error } });
    const { base64, fileName } = result.value;
    downloadBlob(new Blob([bytesOf(base64)], { type: 'application/zip' }), fileName);
    set({
      bundle: { status: 'succeeded', at: Date.now() },
      announcement: tDiagnostics().bundleSaved(fileName),
    });
    void get().load();
  },
}));
