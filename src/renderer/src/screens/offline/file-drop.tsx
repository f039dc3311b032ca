import { useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import { Button } from '../../components/button';
import { tOffline, type DropFileKind } from '../../i18n/offline.en';
import { localError } from '../../lib/error-text';

/** The contract's limit for an imported file: anything larger is refused before it is read. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

interface FileDropProps {
  /** Which file to drop: its name in the hint and the picker's label. */
  readonly file: DropFileKind;
  readonly accept: string;
  readonly busy: boolean;
  readonly onFile: (text: string) => void;
  readonly onRefuse: (error: AppError) => void;
}

/**
 * A file by drag and drop or by the file picker, handed on as text: the core verifies it, the
 * renderer only reads it (no file-system access here) and refuses what no licence file can be.
 */
export function FileDrop({ file: kind, accept, busy, onFile, onRefuse }: FileDropProps) {
  const [over, setOver] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const t = tOffline();
  const what = t.files[kind];

  const take = async (file: File | undefined): Promise<void> => {
    if (!file || busy) return;
    if (file.size > MAX_FILE_BYTES) {
      onRefuse(localError('invalid_file', t.drop.tooLarge(file.name, file.size / 1_048_576)));
      return;
    }
    try {
      onFile(await file.text());
    } catch {
      onRefuse(localError('storage', t.drop.unreadable(file.name)));
    }
  };
  const picked = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // Cleared so picking the same file again (after getting a new one) fires change again.
    event.target.value = '';
    void take(file);
  };
  const dropped = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files[0]);
  };

  return (
    <div
      className={`file-drop${over ? ' file-drop--over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={dropped}
      data-testid="file-drop"
    >
      <p className="file-drop__hint" id={hintId}>
        {what.drop}
      </p>
      <Button
        onClick={() => inputRef.current?.click()}
        busy={busy}
        busyLabel={t.drop.importing}
        aria-describedby={hintId}
      >
        {t.drop.choose}
      </Button>
      <input
        ref={inputRef}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={what.choose}
        onChange={picked}
      />
    </div>
  );
}
