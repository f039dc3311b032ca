import type { ReactNode } from 'react';
import { tLicensespring } from '../../i18n/licensespring.en';
import { useNow } from '../../lib/clock';
import { formatDateTime } from '../../lib/format';
import { latestBorrowEnd, toLocalInputValue } from '../../lib/borrow-time';
import type { LsAction } from '../../lib/licensespring-actions';
import { parseBorrowEnd } from '../../lib/licensespring-form-checks';
import { hoursText } from '../../lib/licensespring-text';
import { InlineFormFrame, useInlineForm } from './inline-form';
import type { LsActionHandle } from './ls-action';

interface BorrowFormProps {
  /** The date field's id; its help and error hang off it. */
  readonly id: string;
  /** The vendor's limit on a borrow; undefined when none applies here. */
  readonly maxBorrowHours: number | undefined;
  readonly handle: LsActionHandle;
  readonly toAction: (until: string | undefined) => LsAction;
  readonly disabled?: boolean;
  /** Buttons after "Borrow" (Close). */
  readonly extra?: ReactNode;
}

/**
 * Borrowing keeps a floating slot on this computer until a date without checking in, so the
 * software works offline (on a trip, on site). The field is limited to what the vendor allows.
 */
export function BorrowForm({
  id,
  maxBorrowHours,
  handle,
  toAction,
  disabled = false,
  extra,
}: BorrowFormProps) {
  const t = tLicensespring().forms;
  const now = useNow();
  const latest = latestBorrowEnd(now, maxBorrowHours);
  const form = useInlineForm({
    id,
    handle,
    disabled,
    parse: (text) => parseBorrowEnd(text, Date.now(), maxBorrowHours),
    toAction,
  });
  const note =
    latest !== undefined && maxBorrowHours !== undefined
      ? `${t.borrowLimit(hoursText(maxBorrowHours), formatDateTime(latest))} ${t.borrowHelp}`
      : t.borrowHelp;
  return (
    <InlineFormFrame
      form={form}
      label={
        <>
          {t.borrowUntil} <span className="ls-inline-form__optional">{t.optional}</span>
        </>
      }
      submitLabel={t.borrow}
      busyLabel={t.borrowing}
      problemTitle={tLicensespring().errorTitles.checkBorrowDate}
      extra={extra}
      note={note}
    >
      <input
        {...form.field}
        className="input ls-inline-form__date"
        type="datetime-local"
        min={toLocalInputValue(now)}
        max={latest !== undefined ? toLocalInputValue(latest) : undefined}
      />
    </InlineFormFrame>
  );
}
