import { tHubs } from '../../i18n/hubs.en';
import { refreshSummary } from '../../lib/hubs/fleet-refresh';
import { hubErrorLabel, shortCodeLabel } from '../../lib/hubs/hub-licence-text';
import { importSummary } from '../../lib/hubs/inventory-csv';
import type { useHubsStore } from '../../store/hubs/hubs-store';

type HubsState = ReturnType<typeof useHubsStore.getState>;

/**
 * The latest outcome in words, for the screen's live region. Errors are read out by their own
 * alerts beside the action, and the refresh's progress by its progress bar: only starts and
 * finishes are announced, never each hub.
 */
export function announcement(state: HubsState): string {
  const t = tHubs().fleet.announce;
  const { fleetFlows, hubFlows, byId } = state;
  if (fleetFlows.refreshAll.status === 'submitting') return t.refreshing(state.ids.length);
  if (fleetFlows.import.status === 'submitting') return t.importing;
  const done: { at: number; text: string }[] = [];
  const add = (at: number, text: string): void => void done.push({ at, text });
  const { refreshAll, add: added, import: imported, export: exported, report } = fleetFlows;
  if (refreshAll.status === 'succeeded') add(refreshAll.at, refreshSummary(refreshAll.value));
  if (added.status === 'succeeded') add(added.at, t.added(added.value.name));
  if (imported.status === 'succeeded') add(imported.at, importSummary(imported.value));
  if (exported.status === 'succeeded') add(exported.at, t.exported);
  if (report.status === 'succeeded') add(report.at, t.reported);
  for (const [id, flows] of Object.entries(hubFlows)) {
    const name = byId[id]?.name ?? t.theHub;
    if (flows.refresh.status === 'succeeded') {
      const error = flows.refresh.value.lastError;
      add(flows.refresh.at, error ? t.failed(name, hubErrorLabel(error.code)) : t.refreshed(name));
    }
    if (flows.save.status === 'succeeded') add(flows.save.at, t.saved(name));
    if (flows.remove.status === 'succeeded') add(flows.remove.at, t.removed(flows.remove.value));
    if (flows.trust.status === 'succeeded') add(flows.trust.at, t.trusted(name));
    if (flows.setCode.status === 'succeeded') {
      const code = shortCodeLabel(flows.setCode.value.after.codeLabel);
      add(flows.setCode.at, t.codeReplaced(name, code));
    }
  }
  done.sort((a, b) => b.at - a.at);
  return done[0]?.text ?? '';
}
