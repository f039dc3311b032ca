import { useRef, type ChangeEvent } from 'react';
import { Button } from '../../components/button';
import { tHubs } from '../../i18n/hubs.en';
import { intlTag } from '../../i18n/messages';
import { csvFileName } from '../../lib/hubs/inventory-csv';
import { useHubsStore } from '../../store/hubs/hubs-store';
import { downloadText } from '../../components/download';
import { localError } from '../../lib/error-text';

/** The contract's limit for `hubs:import`: a larger file is refused here, before reading it all. */
const MAX_CSV_BYTES = 5_000_000;

/** "6.2" (or "6,2"): a file's size in megabytes, to one decimal. */
const megabytes = (bytes: number): string =>
  new Intl.NumberFormat(intlTag(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    bytes / 1e6,
  );

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
  const t = tHubs().fleet.actions;

  const pickFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    // Cleared so picking the same file again (after fixing it) fires change again.
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      importFailed(localError('invalid_input', t.tooLarge(file.name, megabytes(file.size))));
      return;
    }
    try {
      await importCsv(await file.text(), file.name);
    } catch {
      importFailed(localError('storage', t.unreadable(file.name)));
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
        {t.add}
      </Button>
      {/* No spinner: a large import shows its own progress bar under the header. */}
      <Button
        onClick={() => fileRef.current?.click()}
        disabled={flows.import.status === 'submitting'}
      >
        {flows.import.status === 'submitting' ? t.importing : t.import}
      </Button>
      <input
        ref={fileRef}
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t.fileInput}
        onChange={(event) => void pickFile(event)}
      />
      <Button
        onClick={() => void download('export')}
        busy={flows.export.status === 'submitting'}
        busyLabel={t.exporting}
        disabled={empty}
      >
        {t.export}
      </Button>
      <Button
        onClick={() => void download('report')}
        busy={flows.report.status === 'submitting'}
        busyLabel={t.preparing}
        disabled={empty}
      >
        {t.report}
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
