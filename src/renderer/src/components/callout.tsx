import type { ReactNode } from 'react';
import type { Tone } from '../lib/tone';

interface CalloutProps {
  readonly tone: Extract<Tone, 'info' | 'warning' | 'danger'>;
  readonly title: ReactNode;
  readonly children?: ReactNode;
  /** A button at the right, for the one thing to do about it. */
  readonly action?: ReactNode;
  /** 'status' when the callout reports a state that can appear while the user looks at the page. */
  readonly role?: 'status';
  readonly icon?: boolean;
}

/** A full-width note about the licence's state (not an error from an action: see ErrorMessage). */
export function Callout({ tone, title, children, action, role, icon = true }: CalloutProps) {
  return (
    <div className={`callout callout--${tone} callout--block`} role={role}>
      {icon && <CalloutIcon tone={tone} />}
      <div className="callout__body">
        <p className="callout__title">{title}</p>
        {children && <div className="callout__text">{children}</div>}
      </div>
      {action && <div className="callout__action">{action}</div>}
    </div>
  );
}

function CalloutIcon({ tone }: { readonly tone: CalloutProps['tone'] }) {
  return (
    <svg className="callout__icon" viewBox="0 0 20 20" aria-hidden="true">
      {tone === 'info' ? (
        <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v1.8H9.1V6Zm0 3.2h1.8V14H9.1V9.2Z" />
      ) : tone === 'warning' ? (
        <path d="M10 2 1.5 17h17L10 2Zm-.9 5.5h1.8v4.6H9.1V7.5Zm0 5.9h1.8v1.8H9.1v-1.8Z" />
      ) : (
        <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v5.2H9.1V6Zm0 6.6h1.8v1.8H9.1v-1.8Z" />
      )}
    </svg>
  );
}
