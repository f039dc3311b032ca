import type { LicenceView, ProfileView } from '../../../../shared/model';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { ErrorMessage } from '../../components/error-message';
import { deactivateConsequence } from '../../lib/activation-text';
import { say, sayLang } from '../../lib/error-text';
import { assertNever } from '../../lib/assert-never';
import { useAppStore } from '../../store/app-store';
import { useLicenceStore, type ProfileLicence } from '../../store/licence-store';
import { OfflineDeactivate } from '../offline/offline-deactivate';
import { Deactivate } from './deactivate';
import { LicenceCard } from './licence-card';
import { tActivation } from '../../i18n/activation.en';

/** A licence is recorded here: its state, its facts, "Check now" and deactivation. */
export function ActiveView({
  profile,
  licence,
  state,
}: {
  readonly profile: ProfileView;
  readonly licence: LicenceView;
  readonly state: ProfileLicence;
}) {
  const deactivate = useLicenceStore((s) => s.deactivate);
  const validate = useLicenceStore((s) => s.validate);
  const dismiss = useLicenceStore((s) => s.dismiss);
  const navigate = useAppStore((s) => s.navigate);
  const { flows } = state;
  const checking = flows.validate.status === 'submitting';
  const deactivating = flows.deactivate.status === 'submitting';
  const check = () => void validate(licence.profileId);
  const t = tActivation().active;

  return (
    <div className="stack">
      <StateCallout licence={licence} checking={checking} onCheck={check} />
      {licence.mode === 'floating' && licence.status === 'active' && (
        <Callout
          tone="info"
          icon={false}
          title={t.floatingTitle}
          action={
            <Button size="sm" onClick={() => navigate('seats')}>
              {t.goToSeats}
            </Button>
          }
        >
          {t.floatingText}
        </Callout>
      )}
      <LicenceCard
        licence={licence}
        actions={
          <Button
            size="sm"
            onClick={check}
            busy={checking}
            busyLabel={t.checking}
            disabled={deactivating}
            title={t.checkTitle}
          >
            <RefreshIcon />
            {t.checkNow}
          </Button>
        }
        notice={
          flows.validate.status === 'failed' && (
            <ErrorMessage
              error={flows.validate.error}
              title={t.checkFailed}
              onDismiss={() => dismiss(licence.profileId, 'validate')}
            />
          )
        }
        footer={
          <>
            <Deactivate
              flow={flows.deactivate}
              onConfirm={() => void deactivate(licence.profileId)}
              onDismissError={() => dismiss(licence.profileId, 'deactivate')}
              consequence={deactivateConsequence(profile.kind, licence)}
            />
            {profile.kind === 'licensespring' && licence.mode !== 'floating' && (
              <OfflineDeactivate profileId={licence.profileId} />
            )}
          </>
        }
      />
    </div>
  );
}

/** Why a recorded licence does not work, with what to do about it; nothing while it is active. */
function StateCallout({
  licence,
  checking,
  onCheck,
}: {
  readonly licence: LicenceView;
  readonly checking: boolean;
  readonly onCheck: () => void;
}) {
  const t = tActivation().active;
  switch (licence.status) {
    case 'active':
    case 'inactive':
      return null;
    case 'invalid':
      return (
        <Callout
          tone="danger"
          role="status"
          title={t.invalidTitle}
          action={
            <Button size="sm" onClick={onCheck} busy={checking} busyLabel={t.checking}>
              {t.checkAgain}
            </Button>
          }
        >
          <StatusReason licence={licence} />
          <p className="callout__hint">{t.invalidHint}</p>
        </Callout>
      );
    case 'expired':
    case 'revoked':
      return (
        <Callout
          tone="warning"
          role="status"
          title={licence.status === 'expired' ? t.expiredTitle : t.revokedTitle}
        >
          {t.renewHint}
        </Callout>
      );
    default:
      return assertNever(licence.status);
  }
}

/** Why the server says the licence is not valid, in the interface language where main worded it. */
function StatusReason({ licence }: { readonly licence: LicenceView }) {
  if (licence.statusReason === undefined) return <p>{tActivation().active.noReason}</p>;
  const reason = { message: licence.statusReason, text: licence.statusReasonText };
  return <p lang={sayLang(reason)}>{say(reason)}</p>;
}

function RefreshIcon() {
  return (
    <svg className="btn__icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M13.6 2.4v3.9H9.7l1.5-1.5A4.6 4.6 0 0 0 3.4 7.2H1.9a6.1 6.1 0 0 1 10.4-3.5l1.3-1.3ZM2.4 13.6V9.7h3.9l-1.5 1.5a4.6 4.6 0 0 0 7.8-2.4h1.5a6.1 6.1 0 0 1-10.4 3.5l-1.3 1.3Z" />
    </svg>
  );
}
