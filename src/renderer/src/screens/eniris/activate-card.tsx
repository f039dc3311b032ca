import { useState, type FormEvent, type RefObject } from 'react';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { SuccessNote } from '../../components/success-note';
import { tEniris } from '../../i18n/eniris.en';
import { assertNever } from '../../lib/assert-never';
import { activationOutcome, enirisErrorTitle, enirisKeyProblem } from '../../lib/eniris-text';
import { formatDate, localDateTimeToIso } from '../../lib/format';
import { useEnirisStore, type EnirisFlows } from '../../store/eniris-store';
import { firstProblem, KeyField, type FieldProblem } from './key-field';
import { LicenceTable } from './licence-table';

const ERROR_ID = 'eniris-activate-error';

type Field = 'key' | 'date';

interface ActivateCardProps {
  readonly profileId: string;
  readonly flow: EnirisFlows['activate'];
  /** The key field's text lives in the screen, so a demo key or the claim form can share it. */
  readonly keyValue: string;
  readonly onKeyChange: (key: string) => void;
  readonly keyRef: RefObject<HTMLInputElement | null>;
  /** Called with the key once Eniris activated it. */
  readonly onActivated: (key: string) => void;
}

/** Activate a licence key: it starts running now, or from the date given. */
export function ActivateCard({
  profileId,
  flow,
  keyValue,
  onKeyChange,
  keyRef,
  onActivated,
}: ActivateCardProps) {
  const t = tEniris().activate;
  const activate = useEnirisStore((s) => s.activate);
  const dismiss = useEnirisStore((s) => s.dismiss);
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<FieldProblem<Field> | null>(null);
  const busy = flow.status === 'submitting';

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const iso = localDateTimeToIso(date);
    const found = firstProblem<Field>([
      ['key', enirisKeyProblem(keyValue)],
      ['date', iso === null ? t.dateProblem : null],
    ]);
    setProblem(found);
    if (found) {
      if (found.field === 'key') keyRef.current?.focus();
      return;
    }
    const key = keyValue.trim();
    if (await activate(profileId, key, iso ?? undefined)) {
      setDate('');
      onActivated(key);
    }
  };

  const error = problem?.error ?? (flow.status === 'failed' ? flow.error : null);
  const invalid = (field: Field): true | undefined =>
    (problem ? problem.field === field : error !== null && field === 'key') || undefined;

  return (
    <Card labelledBy="eniris-activate-title" title={t.title} description={t.description}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="eniris-form">
          <KeyField
            id="eniris-activate-key"
            inputRef={keyRef}
            value={keyValue}
            onValueChange={(value) => {
              setProblem(null);
              onKeyChange(value);
            }}
            describedBy={error ? ERROR_ID : undefined}
            invalid={invalid('key')}
            busy={busy}
          />
          <div className="eniris-form__field">
            <label className="field-label" htmlFor="eniris-activate-date">
              {t.dateLabel} <span className="field-optional">{t.optional}</span>
            </label>
            <input
              id="eniris-activate-date"
              className="input"
              type="datetime-local"
              value={date}
              onChange={(event) => {
                setProblem(null);
                setDate(event.target.value);
              }}
              aria-describedby="eniris-activate-date-help"
              aria-invalid={invalid('date')}
              readOnly={busy}
            />
          </div>
          <Button type="submit" variant="primary" busy={busy} busyLabel={t.busy}>
            {t.submit}
          </Button>
        </div>
        <p className="field-help eniris-form__help" id="eniris-activate-date-help">
          {t.dateHelp}
        </p>
        {error && (
          <ErrorMessage
            id={ERROR_ID}
            error={error}
            title={enirisErrorTitle('activate', error)}
            onDismiss={() => {
              setProblem(null);
              dismiss(profileId, 'activate');
            }}
          />
        )}
      </form>
      <ActivateResult flow={flow} />
    </Card>
  );
}

function ActivateResult({ flow }: { readonly flow: EnirisFlows['activate'] }) {
  switch (flow.status) {
    case 'idle':
    case 'submitting':
    case 'failed':
      return null;
    case 'succeeded': {
      const outcome = activationOutcome(flow.value, (at) => formatDate(at));
      return (
        <div className="eniris-result">
          {outcome.ok ? (
            <SuccessNote>{outcome.text}</SuccessNote>
          ) : (
            <p className="eniris-result__warning">{outcome.text}</p>
          )}
          <LicenceTable licences={[flow.value]} label={tEniris().activate.result} />
        </div>
      );
    }
    default:
      return assertNever(flow);
  }
}
