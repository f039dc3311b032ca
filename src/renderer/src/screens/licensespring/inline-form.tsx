import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import type { LsAction } from '../../lib/licensespring-actions';
import type { Checked } from '../../lib/licensespring-form-checks';
import { ActionOutcome, type LsActionHandle } from './ls-action';
import { localError } from '../../lib/error-text';

interface InlineFormOptions<T> {
  /** The field's id: its help (`-help`) and its error (`-error`) hang off it. */
  readonly id: string;
  readonly handle: LsActionHandle;
  readonly disabled: boolean;
  /** Reads the field; a problem is shown like a server error, in the same place. */
  readonly parse: (text: string) => Checked<T>;
  readonly toAction: (value: T) => LsAction;
}

export interface InlineForm {
  readonly id: string;
  readonly handle: LsActionHandle;
  readonly disabled: boolean;
  readonly problem: string | null;
  readonly clearProblem: () => void;
  readonly submit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  /** Spread on the form's one input. */
  readonly field: {
    readonly id: string;
    readonly value: string;
    readonly onChange: (event: { readonly target: { readonly value: string } }) => void;
    readonly 'aria-describedby': string;
    readonly 'aria-invalid': true | undefined;
    readonly readOnly: boolean;
  };
}

/**
 * The one-field forms of the LicenseSpring screens (record usage, borrow until): slips are caught
 * before anything is sent and put the cursor back in the field; a success empties it.
 */
export function useInlineForm<T>({
  id,
  handle,
  disabled,
  parse,
  toAction,
}: InlineFormOptions<T>): InlineForm {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const failed = problem !== null || handle.outcome.status === 'failed';

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (handle.busy || disabled) return;
    const parsed = parse(text);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      document.getElementById(id)?.focus();
      return;
    }
    setProblem(null);
    if (await handle.run(toAction(parsed.value))) setText('');
  };

  return {
    id,
    handle,
    disabled,
    problem,
    clearProblem: () => setProblem(null),
    submit,
    field: {
      id,
      value: text,
      onChange: (event) => {
        setProblem(null);
        setText(event.target.value);
      },
      'aria-describedby': failed ? `${id}-help ${id}-error` : `${id}-help`,
      'aria-invalid': failed || undefined,
      readOnly: handle.busy,
    },
  };
}

interface InlineFormFrameProps {
  readonly form: InlineForm;
  readonly label: ReactNode;
  readonly submitLabel: string;
  readonly busyLabel: string;
  /** Help under the row; the field is described by it. */
  readonly note: ReactNode;
  /** The headline of a slip caught before sending. */
  readonly problemTitle: string;
  /** Buttons after the submit button (Close). */
  readonly extra?: ReactNode;
  /** The form's one input, given `form.field`. */
  readonly children: ReactNode;
}

/** Label, field and button on one line; help, then the slip or the action's outcome, under it. */
export function InlineFormFrame({
  form,
  label,
  submitLabel,
  busyLabel,
  note,
  problemTitle,
  extra,
  children,
}: InlineFormFrameProps) {
  const { id, handle } = form;
  return (
    <form className="ls-inline-form" onSubmit={(event) => void form.submit(event)} noValidate>
      <div className="ls-inline-form__row">
        <label className="ls-inline-form__label" htmlFor={id}>
          {label}
        </label>
        {children}
        <Button
          type="submit"
          size="sm"
          busy={handle.busy}
          busyLabel={busyLabel}
          disabled={form.disabled}
        >
          {submitLabel}
        </Button>
        {extra}
      </div>
      <p className="field-help ls-inline-form__note" id={`${id}-help`}>
        {note}
      </p>
      {form.problem === null ? (
        <ActionOutcome handle={handle} id={`${id}-error`} />
      ) : (
        <ErrorMessage
          id={`${id}-error`}
          error={localError('invalid_input', form.problem)}
          title={problemTitle}
          onDismiss={form.clearProblem}
        />
      )}
    </form>
  );
}
