import { useEffect, useState } from 'react';
import type { LsFloatingView } from '../../../../shared/licensespring-model';
import { StatusPill } from '../../components/status-pill';
import { UsageBar } from '../../components/usage-bar';
import { holdState, slotsText } from '../../lib/licensespring-text';

/** setTimeout's longest delay; a borrow can end further away than that. */
const LONGEST_TIMER = 2 ** 31 - 1;

/**
 * What this computer has of a floating pool (borrowed, held, neither). A borrow ends on its own,
 * so this re-renders once at that moment, not on every tick of the clock.
 */
export function useHoldState(floating: Pick<LsFloatingView, 'held' | 'borrowedUntil'>) {
  const [now, setNow] = useState(Date.now);
  const { borrowedUntil } = floating;
  useEffect(() => {
    if (borrowedUntil === undefined || borrowedUntil <= now) return;
    const timer = setTimeout(
      () => setNow(Date.now()),
      Math.min(LONGEST_TIMER, borrowedUntil - now + 50),
    );
    return () => clearTimeout(timer);
  }, [borrowedUntil, now]);
  return holdState(floating, now);
}

export function HoldPill({ floating }: { readonly floating: LsFloatingView }) {
  const hold = useHoldState(floating);
  return <StatusPill tone={hold.tone}>{hold.label}</StatusPill>;
}

/**
 * "2 of 5 slots in use" with its bar; the bar waits for the first check to know the count. A full
 * pool is not alarming when one of its slots is this computer's: the bar then keeps its calm colour.
 */
export function SlotsUsage({
  floating,
  label,
}: {
  readonly floating: LsFloatingView;
  /** The bar's accessible name, e.g. "Slots of Floating seats in use". */
  readonly label: string;
}) {
  const mine = useHoldState(floating).releasable;
  return (
    <div className={mine ? 'ls-usage ls-usage--mine' : 'ls-usage'}>
      <span>{slotsText(floating)}</span>
      {floating.inUse !== undefined && (
        <UsageBar used={floating.inUse} max={floating.max} label={label} />
      )}
    </div>
  );
}
