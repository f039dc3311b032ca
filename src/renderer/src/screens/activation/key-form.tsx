import { useState, type ClipboardEvent, type FormEvent, type RefObject } from 'react';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { cleanPastedKey, keyProblem } from '../../lib/licence-key';
import type { Flow } from '../../lib/remote';
import { tActivation } from '../../i18n/activation.en';
import { localError } from '../../lib/error-text';

interface KeyFormProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSubmit: (key: string) => void;
  readonly onDismissError: () => void;
  readonly flow: Flow;
  /** Another way of activating is on its way: this form waits. */
  readonly disabled?: boolean;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** The Activate button, for focusing it when an activation link filled in the key. */
  readonly activateRef?: RefObject<HTMLButtonElement | null>;
  readonly autoFocus: boolean;
}

export function KeyForm({
  value,
  onChange,
  onSubmit,
  onDismissError,
  flow,
  disabled = false,
  inputRef,
  activateRef,
  autoFocus,
}: KeyFormProps) {
  // A slip caught here (empty, too long) is shown like a server error, in the same place.
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const busy = flow.status === 'submitting';
  const t = tActivation().keyForm;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy || disabled) return;
    const problem = keyProblem(value);
    setLocalProblem(problem);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    onSubmit(value.trim());
  };

  // Replace the selection with the cleaned text, so a key copied with a trailing line break
  // from an e-mail goes in as the key alone.
  const paste = (event: ClipboardEvent<HTMLInputElement>): void => {
    const text = event.clipboardData.getData('text');
    const cleaned = cleanPastedKey(text);
    if (cleaned === text) return;
    event.preventDefault();
    const input = event.currentTarget;
    const start = input.selectionStart ?? value.length;
    const end = input.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + cleaned + value.slice(end));
  };

  const error =
    localProblem !== null
      ? localError('invalid_input', localProblem)
      : flow.status === 'failed'
        ? flow.error
        : null;

  return (
    <form className="key-form" onSubmit={submit} noValidate>
      <label className="field-label" htmlFor="licence-key">
        {t.label}
      </label>
      <p className="field-help" id="licence-key-help">
        {t.help}
      </p>
      <div className="key-form__row">
        <input
          ref={inputRef}
          id="licence-key"
          className="input input--mono key-form__input"
          value={value}
          onChange={(event) => {
            setLocalProblem(null);
            onChange(event.target.value);
          }}
          onPaste={paste}
          placeholder={t.placeholder}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={512}
          aria-describedby={error ? 'licence-key-help licence-key-error' : 'licence-key-help'}
          aria-invalid={error ? true : undefined}
          readOnly={busy}
          autoFocus={autoFocus}
        />
        <Button
          ref={activateRef}
          type="submit"
          variant="primary"
          busy={busy}
          busyLabel={t.busy}
          disabled={disabled}
        >
          {t.submit}
        </Button>
      </div>
      {error && (
        <ErrorMessage
          id="licence-key-error"
          error={error}
          onDismiss={() => {
            setLocalProblem(null);
            onDismissError();
          }}
        />
      )}
    </form>
  );
}
