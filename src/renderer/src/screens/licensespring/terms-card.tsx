import type { LsLicenceDetails } from '../../../../shared/licensespring-model';
import { Card } from '../../components/card';
import { tLicensespring } from '../../i18n/licensespring.en';
import { Countdown, RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';
import { UsageBar } from '../../components/usage-bar';
import { formatDate, formatDateTime, isoTime } from '../../lib/format';
import { activationsText, licenseTypeText, transfersText } from '../../lib/licensespring-text';
import { FactList, NotSet } from './fact-list';

/** The licence's terms: its type, how long it runs, and how many computers may use it. */
export function TermsCard({ details }: { readonly details: LsLicenceDetails }) {
  const type = licenseTypeText(details.licenseType);
  const t = tLicensespring().terms;
  const { activations, validUntil, startsAt, maintenanceUntil } = details;
  return (
    <Card
      className="ls-terms"
      labelledBy="ls-terms-title"
      title={t.title}
      description={details.productName}
      aside={
        <>
          {details.isTrial && <span className="badge badge--accent">{t.trialBadge}</span>}
          <StatusPill tone="info">{type.label}</StatusPill>
        </>
      }
    >
      <FactList
        items={[
          {
            term: t.type,
            value: (
              <>
                {details.isTrial ? t.typeTrial(type.label) : type.label}
                <span className="ls-fact-note">{type.explanation}</span>
              </>
            ),
          },
          {
            term: t.validUntil,
            value: validUntil === undefined ? t.noExpiry : <Moment at={validUntil} />,
          },
          validUntil !== undefined && {
            term: t.timeLeft,
            value: (
              <span className="ls-countdown">
                <Countdown to={validUntil} elapsed={t.ended} />
              </span>
            ),
          },
          startsAt !== undefined && { term: t.starts, value: <Moment at={startsAt} /> },
          {
            term: t.maintenanceUntil,
            value:
              maintenanceUntil === undefined ? (
                <NotSet>{t.noMaintenance}</NotSet>
              ) : (
                <>
                  {formatDate(maintenanceUntil)}
                  <span className="ls-fact-note">
                    <RelativeTime at={maintenanceUntil} />
                  </span>
                </>
              ),
          },
          { term: t.transfers, value: transfersText(details.transfers) },
          {
            term: t.activations,
            value: (
              <div className="ls-usage">
                <span>{activationsText(activations)}</span>
                {!activations.unlimited && (
                  <UsageBar
                    used={activations.used}
                    max={activations.max}
                    label={t.activationsUsed}
                  />
                )}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Moment({ at }: { readonly at: number }) {
  return <time dateTime={isoTime(at)}>{formatDateTime(at)}</time>;
}
