import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import type { Flow } from '../../lib/remote';
import { tActivation } from '../../i18n/activation.en';

interface SerialActivationProps {
  readonly onActivate: () => void;
  readonly onDismissError: () => void;
  readonly flow: Flow;
  readonly disabled: boolean;
}

/** Activation by the serial number the vendor configured: nothing to type, one button. */
export function SerialActivation({
  onActivate,
  onDismissError,
  flow,
  disabled,
}: SerialActivationProps) {
  const t = tActivation().serial;
  return (
    <div className="serial-activation">
      <div className="serial-activation__row">
        <p className="serial-activation__text" id="serial-activation-text">
          {t.text}
        </p>
        <Button
          variant="primary"
          onClick={onActivate}
          busy={flow.status === 'submitting'}
          busyLabel={t.busy}
          disabled={disabled}
          aria-describedby="serial-activation-text"
        >
          {t.submit}
        </Button>
      </div>
      {flow.status === 'failed' && <ErrorMessage error={flow.error} onDismiss={onDismissError} />}
    </div>
  );
}
