import type { LsLicenceDetails } from '../../../../shared/licensespring-model';
import { Card } from '../../components/card';
import { Countdown, RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';
import { UsageBar } from '../../components/usage-bar';
import { formatDate, formatDateTime, isoTime } from '../../lib/format';
import { activationsText, licenseTypeText, transfersText } from '../../lib/licensespring-text';
import { FactList, NotSet } from './fact-list';

/** The licence's terms: its type, how long it runs, and how many computers may use it. */
export function TermsCard({ details }: { readonly details: LsLicenceDetails }) {
  const type = licenseTypeText(details.licenseType);
  const { activations, validUntil, startsAt, maintenanceUntil } = details;
  return (
    <Card
      className="ls-terms"
      labelledBy="ls-terms-title"
      title="Licence terms"
      description={details.productName}
      aside={
        <>
          {details.isTrial && <span className="badge badge--accent">Trial</span>}
          <StatusPill tone="info">{type.label}</StatusPill>
        </>
      }
    >
      <FactList
        items={[
          {
            term: 'Type',
            value: (
              <>
                {type.label}
                {details.isTrial && ' (trial)'}
                <span className="ls-fact-note">{type.explanation}</span>
              </>
            ),
          },
          {
            term: 'Valid until',
            value: validUntil === undefined ? 'Does not expire' : <Moment at={validUntil} />,
          },
          validUntil !== undefined && {
            term: 'Time left',
            value: (
              <span className="ls-countdown">
                <Countdown to={validUntil} elapsed="None: it has ended" />
              </span>
            ),
          },
          startsAt !== undefined && { term: 'Starts', value: <Moment at={startsAt} /> },
          {
            term: 'Maintenance until',
            value:
              maintenanceUntil === undefined ? (
                <NotSet>No maintenance plan</NotSet>
              ) : (
                <>
                  {formatDate(maintenanceUntil)}
                  <span className="ls-fact-note">
                    <RelativeTime at={maintenanceUntil} />
                  </span>
                </>
              ),
          },
          { term: 'Transfers', value: transfersText(details.transfers) },
          {
            term: 'Activations',
            value: (
              <div className="ls-usage">
                <span>{activationsText(activations)}</span>
                {!activations.unlimited && (
                  <UsageBar
                    used={activations.used}
                    max={activations.max}
                    label="Activations used"
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
