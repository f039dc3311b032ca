import { useState, type FormEvent, type RefObject } from 'react';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { SuccessNote } from '../../components/success-note';
import { tEniris } from '../../i18n/eniris.en';
import {
  enirisErrorTitle,
  enirisKeyProblem,
  NODE_ID_MAX,
  nodeIdProblem,
} from '../../lib/eniris-text';
import { useEnirisStore, type EnirisFlows } from '../../store/eniris-store';
import { firstProblem, KeyField, type FieldProblem } from './key-field';

const ERROR_ID = 'eniris-claim-error';

type Field = 'key' | 'node';

interface ClaimCardProps {
  readonly profileId: string;
  readonly flow: EnirisFlows['claim'];
  readonly keyValue: string;
  readonly onKeyChange: (key: string) => void;
  readonly keyRef: RefObject<HTMLInputElement | null>;
  /** True while the key field holds the key just activated above, put there for convenience. */
  readonly keyCarried: boolean;
  readonly nodeId: string;
  readonly onNodeIdChange: (nodeId: string) => void;
  /** Called once the licence is claimed: the key field is done with. */
  readonly onClaimed: () => void;
}

/** Link a licence to a controller; the table below then shows the controller's licences. */
export function ClaimCard({
  profileId,
  flow,
  keyValue,
  onKeyChange,
  keyRef,
  keyCarried,
  nodeId,
  onNodeIdChange,
  onClaimed,
}: ClaimCardProps) {
  const t = tEniris().claim;
  const claim = useEnirisStore((s) => s.claim);
  const dismiss = useEnirisStore((s) => s.dismiss);
  const [problem, setProblem] = useState<FieldProblem<Field> | null>(null);
  const busy = flow.status === 'submitting';

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = firstProblem<Field>([
      ['key', enirisKeyProblem(keyValue)],
      ['node', nodeIdProblem(nodeId)],
    ]);
    setProblem(found);
    if (found) {
      if (found.field === 'key') keyRef.current?.focus();
      else document.getElementById('eniris-claim-node')?.focus();
      return;
    }
    if (await claim(profileId, keyValue.trim(), nodeId.trim())) onClaimed();
  };

  const error = problem?.error ?? (flow.status === 'failed' ? flow.error : null);
  // A refusal names the key (unknown, claimed elsewhere) or the controller (unknown).
  const serverField: Field | undefined =
    error?.code === 'invalid_key' || error?.code === 'seat_unavailable'
      ? 'key'
      : error?.code === 'invalid_input'
        ? 'node'
        : undefined;
  const invalid = (field: Field): true | undefined =>
    (problem ? problem.field === field : serverField === field) || undefined;

  return (
    <Card labelledBy="eniris-claim-title" title={t.title} description={t.description}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="eniris-form">
          <KeyField
            id="eniris-claim-key"
            inputRef={keyRef}
            value={keyValue}
            onValueChange={(value) => {
              setProblem(null);
              onKeyChange(value);
            }}
            describedBy={
              [keyCarried ? 'eniris-claim-key-help' : '', error ? ERROR_ID : '']
                .filter(Boolean)
                .join(' ') || undefined
            }
            invalid={invalid('key')}
            busy={busy}
          />
          <div className="eniris-form__field">
            <label className="field-label" htmlFor="eniris-claim-node">
              {t.nodeLabel}
            </label>
            <input
              id="eniris-claim-node"
              className="input input--mono"
              value={nodeId}
              onChange={(event) => {
                setProblem(null);
                onNodeIdChange(event.target.value);
              }}
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              maxLength={NODE_ID_MAX + 20}
              aria-describedby={error ? ERROR_ID : undefined}
              aria-invalid={invalid('node')}
              readOnly={busy}
            />
          </div>
          <Button type="submit" variant="primary" busy={busy} busyLabel={t.busy}>
            {t.submit}
          </Button>
        </div>
        {keyCarried && (
          <p className="field-help eniris-form__help" id="eniris-claim-key-help">
            {t.keyCarried}
          </p>
        )}
        {error && (
          <ErrorMessage
            id={ERROR_ID}
            error={error}
            title={enirisErrorTitle('claim', error)}
            onDismiss={() => {
              setProblem(null);
              dismiss(profileId, 'claim');
            }}
          />
        )}
        {flow.status === 'succeeded' && !error && (
          <div className="eniris-form__outcome">
            <SuccessNote>{t.claimed(flow.value.nodeId)}</SuccessNote>
          </div>
        )}
      </form>
    </Card>
  );
}
