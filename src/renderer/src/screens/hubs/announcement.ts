import {
  countOf,
  hubErrorLabel,
  importSummary,
  refreshSummary,
  shortCodeLabel,
} from '../../lib/hubs-text';
import type { useHubsStore } from '../../store/hubs-store';

type HubsState = ReturnType<typeof useHubsStore.getState>;

/**
 * The latest outcome in words, for the screen's live region. Errors are read out by their own
 * alerts beside the action, and the refresh's progress by its progress bar: only starts and
 * finishes are announced, never each hub.
 */
export function announcement(state: HubsState): string {
  const { fleetFlows, hubFlows, byId } = state;
  if (fleetFlows.refreshAll.status === 'submitting') {
    return `Refreshing ${countOf(state.ids.length, 'hub')}…`;
  }
  if (fleetFlows.import.status === 'submitting') return 'Importing the CSV…';
  const done: { at: number; text: string }[] = [];
  const add = (at: number, text: string): void => void done.push({ at, text });
  const { refreshAll, add: added, import: imported, export: exported, report } = fleetFlows;
  if (refreshAll.status === 'succeeded') add(refreshAll.at, refreshSummary(refreshAll.value));
  if (added.status === 'succeeded') add(added.at, `${added.value.name} added.`);
  if (imported.status === 'succeeded') add(imported.at, importSummary(imported.value));
  if (exported.status === 'succeeded') add(exported.at, 'Inventory CSV downloaded.');
  if (report.status === 'succeeded') add(report.at, 'Licence report downloaded.');
  for (const [id, flows] of Object.entries(hubFlows)) {
    const name = byId[id]?.name ?? 'The hub';
    if (flows.refresh.status === 'succeeded') {
      const error = flows.refresh.value.lastError;
      add(
        flows.refresh.at,
        error ? `${name}: ${hubErrorLabel(error.code)}.` : `${name} refreshed.`,
      );
    }
    if (flows.save.status === 'succeeded') add(flows.save.at, `${name} saved.`);
    if (flows.remove.status === 'succeeded') add(flows.remove.at, `${flows.remove.value} removed.`);
    if (flows.trust.status === 'succeeded') add(flows.trust.at, `Certificate of ${name} trusted.`);
    if (flows.setCode.status === 'succeeded') {
      add(
        flows.setCode.at,
        `Licence code of ${name} replaced; now ${shortCodeLabel(flows.setCode.value.after.codeLabel)}.`,
      );
    }
  }
  done.sort((a, b) => b.at - a.at);
  return done[0]?.text ?? '';
}
