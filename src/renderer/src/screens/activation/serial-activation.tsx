import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import type { Flow } from '../../lib/remote';

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
  return (
    <div className="serial-activation">
      <div className="serial-activation__row">
        <p className="serial-activation__text" id="serial-activation-text">
          Your vendor registered this device&apos;s serial number with the licensing server. The
          server looks up the licence assigned to it: no key or sign-in needed.
        </p>
        <Button
          variant="primary"
          onClick={onActivate}
          busy={flow.status === 'submitting'}
          busyLabel="Activating…"
          disabled={disabled}
          aria-describedby="serial-activation-text"
        >
          Activate this device
        </Button>
      </div>
      {flow.status === 'failed' && <ErrorMessage error={flow.error} onDismiss={onDismissError} />}
    </div>
  );
}
