/**
 * Times for a borrow form: the latest end the vendor allows, and moments as a `datetime-local`
 * field takes them. Callers pass `now`.
 */

const HOUR = 3_600_000;

/** The latest moment a borrow may end; undefined when the vendor sets no limit here. */
export function latestBorrowEnd(
  now: number,
  maxBorrowHours: number | undefined,
): number | undefined {
  return maxBorrowHours !== undefined && maxBorrowHours > 0
    ? now + maxBorrowHours * HOUR
    : undefined;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** A moment as a `datetime-local` value ("2026-05-01T09:30"), in this computer's time zone. */
export function toLocalInputValue(at: number): string {
  const date = new Date(at);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
