import type { ReactNode } from 'react';
import type { Tone } from '../lib/tone';

/** A short state word with a coloured dot; the word carries the meaning, the colour only helps. */
export function StatusPill({
  tone,
  children,
}: {
  readonly tone: Tone;
  readonly children: ReactNode;
}) {
  return (
    <span className={`pill pill--${tone}`}>
      <span className="pill__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
