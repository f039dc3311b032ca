import { useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import { Button } from '../../components/button';

/** The contract's limit for an imported file: anything larger is refused before it is read. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

interface FileDropProps {
  /** What to drop, e.g. "the licence file from the portal". */
  readonly what: string;
  readonly accept: string;
  readonly busy: boolean;
  readonly onFile: (text: string) => void;
  readonly onRefuse: (error: AppError) => void;
}

/**
 * A file by drag and drop or by the file picker, handed on as text: the core verifies it, the
 * renderer only reads it (no file-system access here) and refuses what no licence file can be.
 */
export function FileDrop({ what, accept, busy, onFile, onRefuse }: FileDropProps) {
  const [over, setOver] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();

  const take = async (file: File | undefined): Promise<void> => {
    if (!file || busy) return;
    if (file.size > MAX_FILE_BYTES) {
      onRefuse({
        code: 'invalid_file',
        message: `${file.name} is ${(file.size / 1_048_576).toFixed(1)} MB, far larger than any licence file. Check that this is the right file.`,
      });
      return;
    }
    try {
      onFile(await file.text());
    } catch {
      onRefuse({ code: 'storage', message: `${file.name} could not be read.` });
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
        Drop {what} here, or
      </p>
      <Button
        onClick={() => inputRef.current?.click()}
        busy={busy}
        busyLabel="Importing…"
        aria-describedby={hintId}
      >
        Choose file…
      </Button>
      <input
        ref={inputRef}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={`Choose ${what}`}
        onChange={picked}
      />
    </div>
  );
}
