import { useEffect } from 'react';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { ErrorMessage } from '../../components/error-message';
import { useLinkStore } from '../../store/link-store';
import { tActivation } from '../../i18n/activation.en';

/**
 * Above a form filled from an activation link. A warning, not news: the key came from outside the
 * app (anything on the web can open such a link), so the person should look before clicking.
 */
export function LinkKeyNote() {
  const t = tActivation().link;
  return (
    <div className="link-key-note">
      <Callout tone="warning" role="status" title={t.keyNoteTitle}>
        {t.keyNoteText}
      </Callout>
    </div>
  );
}

/**
 * Why the latest activation link did not fill in this profile's form: refused (an error), or
 * valid but this computer is already activated here (a warning: nothing went wrong).
 */
export function LinkProblemNote({ profileId }: { readonly profileId: string }) {
  const problem = useLinkStore((s) => (s.problem?.profileId === profileId ? s.problem : null));
  const dismiss = useLinkStore((s) => s.dismissProblem);
  if (!problem) return null;
  const t = tActivation().link;
  if (problem.kind === 'refused')
    return (
      <ErrorMessage
        layout="block"
        error={problem.error}
        title={t.refusedTitle}
        hint=""
        onDismiss={dismiss}
      />
    );
  return (
    <Callout
      tone="warning"
      role="status"
      title={t.notUsedTitle}
      action={
        <Button size="sm" onClick={dismiss}>
          {t.dismiss}
        </Button>
      }
    >
      {t.alreadyActive}
    </Callout>
  );
}

/** On an activated profile a link's key has no form to go to: it is dropped, and the note says why. */
export function DropLinkKey({ profileId }: { readonly profileId: string }) {
  const waiting = useLinkStore((s) => s.prefill?.profileId === profileId);
  const notUsed = useLinkStore((s) => s.notUsed);
  useEffect(() => {
    if (waiting) notUsed(profileId);
  }, [waiting, notUsed, profileId]);
  return null;
}
