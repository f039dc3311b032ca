import type { ComponentPropsWithRef, ReactNode } from 'react';
import { tHubs } from '../../i18n/hubs.en';
import type { HubField } from '../../lib/hubs/hub-form';

/** The id of a form field's input, and of its message and hint, for labels and aria-describedby. */
export const fieldId = (field: HubField): string => `hub-form-${field}`;
const problemId = (field: HubField): string => `hub-form-${field}-problem`;
const hintId = (field: HubField): string => `hub-form-${field}-hint`;

interface FieldFrameProps {
  readonly field: HubField;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly problem: string | undefined;
  readonly className?: string;
  readonly children: ReactNode;
}

/** Label, control, hint and the field's own problem right under it. */
function FieldFrame({ field, label, hint, problem, className, children }: FieldFrameProps) {
  return (
    <div className={`hub-form__field ${className ?? ''}`}>
      <label className="field-label" htmlFor={fieldId(field)}>
        {label}
      </label>
      {children}
      {hint && !problem && (
        <p className="field-help" id={hintId(field)}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="field-problem" id={problemId(field)}>
          {problem}
        </p>
      )}
    </div>
  );
}

/** What a control needs to point at its hint or problem and to say whether it is wrong. */
function described(field: HubField, problem: string | undefined, hasHint: boolean) {
  return {
    id: fieldId(field),
    'aria-invalid': problem !== undefined || undefined,
    'aria-describedby': problem ? problemId(field) : hasHint ? hintId(field) : undefined,
  };
}

interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'onChange' | 'value'> {
  readonly field: HubField;
  readonly label: string;
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly problem: string | undefined;
  readonly hint?: ReactNode;
  readonly mono?: boolean;
  readonly className?: string;
}

export function TextField({
  field,
  label,
  value,
  onValue,
  problem,
  hint,
  mono = false,
  className,
  ...input
}: TextFieldProps) {
  return (
    <FieldFrame field={field} label={label} hint={hint} problem={problem} className={className}>
      <input
        {...input}
        {...described(field, problem, hint !== undefined)}
        className={`input ${mono ? 'input--mono' : ''}`}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
      />
    </FieldFrame>
  );
}

interface SchemeFieldProps {
  readonly value: 'http' | 'https';
  readonly onValue: (value: 'http' | 'https') => void;
  readonly problem: string | undefined;
}

/** The protocols by name: technical words, the same in every language. */
const HTTPS = 'https';

export function SchemeField({ value, onValue, problem }: SchemeFieldProps) {
  const t = tHubs().panel.form;
  return (
    <FieldFrame field="scheme" label={t.protocol} problem={problem}>
      <select
        {...described('scheme', problem, false)}
        className="select hub-form__select"
        value={value}
        onChange={(event) => onValue(event.target.value === 'http' ? 'http' : 'https')}
      >
        <option value="https">{HTTPS}</option>
        <option value="http">{t.httpLanOnly}</option>
      </select>
    </FieldFrame>
  );
}

interface LanFieldProps {
  readonly checked: boolean;
  readonly onValue: (checked: boolean) => void;
}

export function LanField({ checked, onValue }: LanFieldProps) {
  const t = tHubs().panel.form;
  return (
    <div className="hub-form__field hub-form__check">
      <input
        id={fieldId('lan')}
        type="checkbox"
        checked={checked}
        onChange={(event) => onValue(event.target.checked)}
        aria-describedby={hintId('lan')}
      />
      <div>
        <label htmlFor={fieldId('lan')} className="field-label">
          {t.lan}
        </label>
        <p className="field-help" id={hintId('lan')}>
          {t.lanHint}
        </p>
      </div>
    </div>
  );
}
