import type { LsConsumptionMeter } from '../../../../shared/licensespring-model';
import { tLicensespring } from '../../i18n/licensespring.en';
import type { LsAction } from '../../lib/licensespring-actions';
import { parseUsageAmount } from '../../lib/licensespring-form-checks';
import { readMeter } from '../../lib/licensespring-meter';
import { InlineFormFrame, useInlineForm } from './inline-form';
import type { LsActionHandle } from './ls-action';

interface RecordUsageFormProps {
  /** The input's id; its error and help hang off it. */
  readonly id: string;
  readonly meter: LsConsumptionMeter;
  readonly handle: LsActionHandle;
  /** The action for an amount: on the licence, or on one feature. */
  readonly toAction: (amount: number) => LsAction;
  /** Another action on the same counter runs: this one waits. */
  readonly disabled?: boolean;
}

/**
 * "Record usage": adds an amount to a consumption counter (or takes it off, where the vendor lets
 * the counter go down). Obvious slips are caught here; the server checks again.
 */
export function RecordUsageForm({
  id,
  meter,
  handle,
  toAction,
  disabled = false,
}: RecordUsageFormProps) {
  const form = useInlineForm({
    id,
    handle,
    disabled,
    parse: (text) => parseUsageAmount(text, meter),
    toAction,
  });
  const { left } = readMeter(meter);
  const t = tLicensespring().forms;
  const limit = left === undefined ? t.noLimit : t.left(left);
  return (
    <InlineFormFrame
      form={form}
      label={t.recordUsage}
      submitLabel={t.record}
      busyLabel={t.recording}
      problemTitle={tLicensespring().errorTitles.checkAmount}
      note={meter.allowNegative ? `${limit} ${t.negative}` : limit}
    >
      <input
        {...form.field}
        className="input ls-inline-form__number"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t.amount}
        maxLength={9}
      />
    </InlineFormFrame>
  );
}
