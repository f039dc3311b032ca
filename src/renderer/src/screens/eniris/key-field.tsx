import type { RefObject } from 'react';
import type { AppError } from '../../../../shared/errors';
import { tEniris } from '../../i18n/eniris.en';
import { ENIRIS_KEY_MAX, ENIRIS_KEY_PLACEHOLDER } from '../../lib/eniris-text';
import { KeyInput } from './key-input';
import { localError } from '../../lib/error-text';

/** A field an Eniris form found wrong before sending anything, and what to say about it. */
export interface FieldProblem<F extends string> {
  readonly field: F;
  readonly error: AppError;
}

/** The first field, in the form's order, whose check found something to say. */
export function firstProblem<F extends string>(
  checks: readonly (readonly [F, string | null])[],
): FieldProblem<F> | null {
  for (const [field, message] of checks) {
    if (message !== null) return { field, error: localError('invalid_input', message) };
  }
  return null;
}

interface KeyFieldProps {
  readonly id: string;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  readonly describedBy: string | undefined;
  readonly invalid: true | undefined;
  readonly busy: boolean;
}

/** The "Licence key" field of the Eniris activate and claim forms. */
export function KeyField({
  id,
  inputRef,
  value,
  onValueChange,
  describedBy,
  invalid,
  busy,
}: KeyFieldProps) {
  return (
    <div className="eniris-form__field">
      <label className="field-label" htmlFor={id}>
        {tEniris().key.label}
      </label>
      <KeyInput
        ref={inputRef}
        id={id}
        value={value}
        onValueChange={onValueChange}
        placeholder={ENIRIS_KEY_PLACEHOLDER}
        maxLength={ENIRIS_KEY_MAX + 20}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        readOnly={busy}
      />
    </div>
  );
}
