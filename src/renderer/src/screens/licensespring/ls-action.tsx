import type { ComponentProps, ReactNode } from 'react';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { SuccessNote } from '../../components/success-note';
import { assertNever } from '../../lib/assert-never';
import { actionKey, type LsAction, type LsActionKind } from '../../lib/licensespring-actions';
import { actionErrorTitle } from '../../lib/licensespring-text';
import {
  outcomeOf,
  useLicenseSpringStore,
  type LsOutcome,
  type LsProfileState,
} from '../../store/licensespring-store';

/** One action's handle for a button: its outcome, whether it runs, and how to start or dismiss it. */
export interface LsActionHandle {
  readonly kind: LsActionKind;
  readonly outcome: LsOutcome;
  readonly busy: boolean;
  readonly run: (action: LsAction) => Promise<boolean>;
  readonly dismiss: () => void;
}

export function useLsAction(
  profileId: string,
  state: LsProfileState,
  kind: LsActionKind,
  feature?: string,
): LsActionHandle {
  const act = useLicenseSpringStore((s) => s.act);
  const dismiss = useLicenseSpringStore((s) => s.dismiss);
  const key = actionKey(kind, feature);
  const outcome = outcomeOf(state, key);
  return {
    kind,
    outcome,
    busy: outcome.status === 'submitting',
    run: (action) => act(profileId, action),
    dismiss: () => dismiss(profileId, key),
  };
}

/**
 * The same handle, moving the focus to `targetId` once the action worked: for a button that leaves
 * the page when it has done its job (Release), so the keyboard goes on from there, not from nowhere.
 */
export function refocusAfter(handle: LsActionHandle, targetId: string): LsActionHandle {
  return {
    ...handle,
    run: async (action) => {
      const done = await handle.run(action);
      if (done) document.getElementById(targetId)?.focus();
      return done;
    },
  };
}

/**
 * What an action did, right beside it: a quiet success note (the screen's live region reads the
 * same words), or its error with the core's message (read out at once as an alert).
 */
export function ActionOutcome({
  handle,
  id,
}: {
  readonly handle: LsActionHandle;
  readonly id?: string;
}) {
  const { outcome } = handle;
  switch (outcome.status) {
    case 'idle':
    case 'submitting':
      return null;
    case 'succeeded':
      return (
        <p className="ls-outcome" id={id}>
          <SuccessNote>{outcome.note}</SuccessNote>
        </p>
      );
    case 'failed':
      return (
        <ErrorMessage
          id={id}
          error={outcome.error}
          title={actionErrorTitle(handle.kind, outcome.error)}
          onDismiss={handle.dismiss}
        />
      );
    default:
      return assertNever(outcome);
  }
}

interface ActionButtonProps {
  readonly handle: LsActionHandle;
  readonly action: LsAction;
  readonly busyLabel: string;
  readonly variant?: ComponentProps<typeof Button>['variant'];
  /** Another action it would clash with is on its way. */
  readonly disabled?: boolean;
  readonly describedBy?: string;
  readonly id?: string;
  /** The accessible name, when the visible words leave out what the button is about. */
  readonly label?: string;
  readonly children: ReactNode;
}

/** A small button that starts one action and shows it running. */
export function ActionButton({
  handle,
  action,
  busyLabel,
  variant,
  disabled,
  describedBy,
  id,
  label,
  children,
}: ActionButtonProps) {
  return (
    <Button
      id={id}
      size="sm"
      variant={variant}
      onClick={() => void handle.run(action)}
      busy={handle.busy}
      busyLabel={busyLabel}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-label={label}
    >
      {children}
    </Button>
  );
}
