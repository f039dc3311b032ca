import type { ReactNode } from 'react';

/** A quiet confirmation beside the button that did it; the screen's live region reads it aloud. */
export function SuccessNote({ children }: { readonly children: ReactNode }) {
  return (
    <span className="success-note">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M6.2 11.6 2.6 8l1.1-1.1 2.5 2.5 6.1-6.1 1.1 1.1z" />
      </svg>
      {children}
    </span>
  );
}
