import type { ReactNode } from 'react';
import { useNow } from '../../lib/clock';
import { formatDateTime } from '../../lib/format';
import {
  hoursText,
  latestBorrowEnd,
  parseBorrowEnd,
  toLocalInputValue,
  type LsAction,
} from '../../lib/licensespring-text';
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
  const now = useNow();
  const latest = latestBorrowEnd(now, maxBorrowHours);
  const form = useInlineForm({
    id,
    handle,
    disabled,
    parse: (text) => parseBorrowEnd(text, Date.now(), maxBorrowHours),
    toAction,
  });
  const limit =
    latest !== undefined && maxBorrowHours !== undefined
      ? `Up to ${hoursText(maxBorrowHours)}: until ${formatDateTime(latest)} at the latest. `
      : '';
  return (
    <InlineFormFrame
      form={form}
      label={
        <>
          Borrow until <span className="ls-inline-form__optional">(optional)</span>
        </>
      }
      submitLabel="Borrow"
      busyLabel="Borrowing…"
      problemTitle="Check the borrow date"
      extra={extra}
      note={`${limit}Leave it empty to borrow for as long as allowed. Times are in this computer's time zone.`}
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
