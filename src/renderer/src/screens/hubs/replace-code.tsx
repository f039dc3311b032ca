import { useRef, useState, type FormEvent } from 'react';
import type { HubView } from '../../../../shared/hubs-model';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { SuccessNote } from '../../components/success-note';
import { tHubs } from '../../i18n/hubs.en';
import {
  cleanLicenceCode,
  licenceCodeProblem,
  validityText,
  shortCodeLabel,
} from '../../lib/hubs/hub-licence-text';
import type { HubFlows } from '../../store/hubs/hubs-state';
import { useHubsStore } from '../../store/hubs/hubs-store';
import { CodeChangeDialog } from './code-change-dialog';
import { localError } from '../../lib/error-text';

const INPUT_ID = 'hub-new-code';
const ERROR_ID = 'hub-new-code-error';

interface ReplaceCodeProps {
  readonly hub: HubView;
  readonly flow: HubFlows['setCode'];
}

/**
 * Replacing a hub's licence code: typed here, checked for shape, then confirmed in a dialog that
 * shows both codes. The new code lives in this component's state only, never in a store; the
 * panel is keyed by hub, so a code typed for one hub is gone when another is selected.
 */
export function ReplaceCode({ hub, flow }: ReplaceCodeProps) {
  const dismiss = useHubsStore((s) => s.dismiss);
  const [editing, setEditing] = useState(false);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const replaceRef = useRef<HTMLButtonElement>(null);
  const t = tHubs().panel.replace;

  const review = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = licenceCodeProblem(code);
    setProblem(found);
    if (found) {
      document.getElementById(INPUT_ID)?.focus();
      return;
    }
    dismiss(hub.id, 'setCode');
    setConfirming(true);
  };

  const finish = (): void => {
    setConfirming(false);
    setEditing(false);
    setCode('');
    // The form is gone with the dialog: the cursor goes back to the button that opened it.
    requestAnimationFrame(() => replaceRef.current?.focus());
  };

  if (!editing) {
    return (
      <div className="replace-code">
        <p className="replace-code__current">
          {t.current}{' '}
          {hub.licence ? (
            <code>{shortCodeLabel(hub.licence.codeLabel)}</code>
          ) : (
            <span>{t.notReadYet}</span>
          )}
        </p>
        <div className="replace-code__buttons">
          <Button
            ref={replaceRef}
            size="sm"
            onClick={() => {
              dismiss(hub.id, 'setCode');
              setEditing(true);
              requestAnimationFrame(() => document.getElementById(INPUT_ID)?.focus());
            }}
          >
            {t.open}
          </Button>
        </div>
        {flow.status === 'succeeded' && (
          <SuccessNote>
            {t.replaced(
              shortCodeLabel(flow.value.after.codeLabel),
              validityText(flow.value.after).label.toLowerCase(),
            )}
          </SuccessNote>
        )}
        {flow.status === 'failed' && (
          <ErrorMessage
            error={flow.error}
            title={t.failed}
            onDismiss={() => dismiss(hub.id, 'setCode')}
          />
        )}
      </div>
    );
  }

  return (
    <form className="replace-code" onSubmit={review} noValidate>
      <label className="field-label" htmlFor={INPUT_ID}>
        {t.newCode}
      </label>
      <textarea
        id={INPUT_ID}
        className="input input--mono replace-code__input"
        rows={3}
        value={code}
        onChange={(event) => {
          setProblem(null);
          setCode(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            finish();
          }
        }}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        aria-describedby={problem ? `${INPUT_ID}-help ${ERROR_ID}` : `${INPUT_ID}-help`}
        aria-invalid={problem !== null || undefined}
      />
      <p className="field-help" id={`${INPUT_ID}-help`}>
        {t.help}
      </p>
      {problem && <ErrorMessage id={ERROR_ID} error={localError('invalid_input', problem)} />}
      <div className="replace-code__buttons">
        <Button type="submit" size="sm" variant="primary">
          {t.review}
        </Button>
        <Button size="sm" variant="ghost" onClick={finish}>
          {t.cancel}
        </Button>
      </div>
      {confirming && (
        <CodeChangeDialog
          hub={hub}
          code={cleanLicenceCode(code)}
          flow={flow}
          onCancel={() => setConfirming(false)}
          onFinished={finish}
        />
      )}
    </form>
  );
}
