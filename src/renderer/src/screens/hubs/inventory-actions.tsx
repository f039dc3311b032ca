import { useRef, type ChangeEvent } from 'react';
import { Button } from '../../components/button';
import { csvFileName } from '../../lib/hubs-text';
import { useHubsStore } from '../../store/hubs-store';
import { downloadText } from '../../components/download';

/** The contract's limit for `hubs:import`: a larger file is refused here, before reading it all. */
const MAX_CSV_BYTES = 5_000_000;

/**
 * The inventory's own actions, in the page header: add a hub, import a CSV, export the inventory
 * and download the hand-over report. Their outcomes show in InventoryFeedback, under the header.
 */
export function InventoryActions({
  onAdd,
  empty,
}: {
  readonly onAdd: () => void;
  readonly empty: boolean;
}) {
  const flows = useHubsStore((s) => s.fleetFlows);
  const importCsv = useHubsStore((s) => s.importCsv);
  const importFailed = useHubsStore((s) => s.importFailed);
  const exportCsv = useHubsStore((s) => s.exportCsv);
  const fileRef = useRef<HTMLInputElement>(null);

  const pickFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    // Cleared so picking the same file again (after fixing it) fires change again.
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      importFailed({
        code: 'invalid_input',
        message: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; an inventory CSV can be at most 5 MB.`,
      });
      return;
    }
    try {
      await importCsv(await file.text(), file.name);
    } catch {
      importFailed({ code: 'storage', message: `${file.name} could not be read.` });
    }
  };

  const download = async (kind: 'export' | 'report'): Promise<void> => {
    const csv = await exportCsv(kind);
    if (csv !== undefined) {
      downloadText(csv, csvFileName(kind === 'export' ? 'inventory' : 'report', new Date()));
    }
  };

  return (
    <div className="inventory-actions">
      <Button onClick={onAdd}>
        <PlusIcon />
        Add hub
      </Button>
      {/* No spinner: a large import shows its own progress bar under the header. */}
      <Button
        onClick={() => fileRef.current?.click()}
        disabled={flows.import.status === 'submitting'}
      >
        {flows.import.status === 'submitting' ? 'Importing…' : 'Import CSV…'}
      </Button>
      <input
        ref={fileRef}
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Inventory CSV file"
        onChange={(event) => void pickFile(event)}
      />
      <Button
        onClick={() => void download('export')}
        busy={flows.export.status === 'submitting'}
        busyLabel="Exporting…"
        disabled={empty}
      >
        Export CSV
      </Button>
      <Button
        onClick={() => void download('report')}
        busy={flows.report.status === 'submitting'}
        busyLabel="Preparing…"
        disabled={empty}
      >
        Licence report
      </Button>
    </div>
  );
}

function PlusIcon() {
  return (
    <svg className="btn__icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M7.25 2h1.5v5.25H14v1.5H8.75V14h-1.5V8.75H2v-1.5h5.25z" />
    </svg>
  );
}
