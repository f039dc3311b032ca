import type { ReactNode } from 'react';
import type { LicenceView } from '../../../../shared/model';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';
import { SuccessNote } from '../../components/success-note';
import { useFocusKeeper } from '../../components/use-focus-keeper';
import { errorTitle, say, sayLang } from '../../lib/error-text';
import { useNow } from '../../lib/clock';
import { formatDateTime, formatDuration, isoTime } from '../../lib/format';
import { seatStateText } from '../../lib/licence-text';
import type { ProfileLicence, SeatAction } from '../../store/licence-store';
import { useLicenceStore } from '../../store/licence-store';
import { tSeats } from '../../i18n/seats.en';

interface SeatCardProps {
  readonly licence: LicenceView;
  readonly flows: ProfileLicence['flows'];
}

export function SeatCard({ licence, flows }: SeatCardProps) {
  const seatAction = useLicenceStore((s) => s.seat);
  const dismiss = useLicenceStore((s) => s.dismiss);
  const { seat } = licence;
  const text = seatStateText(seat.state);
  const holding = seat.state === 'held' || seat.state === 'retrying';
  const run = (action: SeatAction) => () => void seatAction(licence.profileId, action);
  // Taking or giving back the seat swaps the buttons: the focus stays among them.
  const actions = useFocusKeeper<HTMLDivElement>();
  const failed = (['request', 'heartbeat', 'release'] as const).find(
    (action) => flows[action].status === 'failed',
  );
  const failure = failed ? flows[failed] : undefined;
  const t = tSeats().seat;

  return (
    <Card
      className="seat-card"
      labelledBy="seat-card-title"
      title={t.title}
      aside={<StatusPill tone={text.tone}>{text.label}</StatusPill>}
    >
      <p className="seat-card__explanation">{text.explanation}</p>

      {holding && (
        <dl className="timers">
          <Timer label={t.nextHeartbeat}>
            <Until at={seat.nextHeartbeatAt} />
          </Timer>
          <Timer
            label={t.expires}
            className={seat.state === 'retrying' ? 'text-warning' : undefined}
          >
            <Until at={seat.expiresAt} />
          </Timer>
          <Timer label={t.lastHeartbeat}>
            {seat.lastHeartbeatAt !== undefined ? (
              <RelativeTime at={seat.lastHeartbeatAt} />
            ) : (
              t.noneYet
            )}
          </Timer>
          <Timer label={t.renewsEvery}>
            {seat.heartbeatIntervalMs !== undefined
              ? formatDuration(seat.heartbeatIntervalMs)
              : '—'}
          </Timer>
        </dl>
      )}

      {seat.lastError && (seat.state === 'retrying' || seat.state === 'lost') && (
        <div
          className={`callout callout--block callout--${seat.state === 'lost' ? 'danger' : 'warning'}`}
        >
          <div className="callout__body">
            <p className="callout__title">{t.lastFailed(errorTitle(seat.lastError.code))}</p>
            <p className="callout__text" lang={sayLang(seat.lastError)}>
              {say(seat.lastError)}
            </p>
          </div>
        </div>
      )}

      <div className="card__footer seat-card__actions" {...actions}>
        {holding ? (
          <>
            <Button
              onClick={run('heartbeat')}
              busy={flows.heartbeat.status === 'submitting'}
              busyLabel={t.renewing}
              disabled={flows.release.status === 'submitting'}
            >
              {t.renew}
            </Button>
            <Button
              variant="danger"
              onClick={run('release')}
              busy={flows.release.status === 'submitting'}
              busyLabel={t.releasing}
              disabled={flows.heartbeat.status === 'submitting'}
            >
              {t.release}
            </Button>
          </>
        ) : (
          <Button
            variant="primary"
            onClick={run('request')}
            busy={flows.request.status === 'submitting'}
            busyLabel={t.requesting}
            disabled={licence.status !== 'active'}
          >
            {t.request}
          </Button>
        )}
        <SeatSuccessNote flows={flows} />
      </div>
      {failed && failure?.status === 'failed' && (
        <ErrorMessage error={failure.error} onDismiss={() => dismiss(licence.profileId, failed)} />
      )}
    </Card>
  );
}

/** One tile of the timers row: a caption over a live value. */
function Timer({
  label,
  className,
  children,
}: {
  readonly label: string;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="timers__item">
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}

/** A live countdown to a moment the core scheduled, or a dash while none is. */
function Until({ at }: { readonly at: number | undefined }) {
  if (at === undefined) return '—';
  return <CountdownTo at={at} />;
}

/** "in 2 m 10 s", ticking each second; one message, so a translation orders it its own way. */
function CountdownTo({ at }: { readonly at: number }) {
  const now = useNow();
  const t = tSeats().seat;
  const left = at - now;
  return (
    <time dateTime={isoTime(at)} title={formatDateTime(at)}>
      {left > 0 ? t.in(formatDuration(left)) : t.inAMoment}
    </time>
  );
}

/** The latest seat outcome beside the buttons; the live region reads the same words aloud. */
function SeatSuccessNote({ flows }: { readonly flows: ProfileLicence['flows'] }) {
  const message = seatAnnouncement(flows);
  if (!message || message.endsWith('…')) return null;
  return <SuccessNote>{message}</SuccessNote>;
}

export function seatAnnouncement(flows: ProfileLicence['flows']): string {
  const t = tSeats().announce;
  if (flows.request.status === 'submitting') return t.requesting;
  if (flows.heartbeat.status === 'submitting') return t.renewing;
  if (flows.release.status === 'submitting') return t.releasing;
  if (flows.request.status === 'succeeded') return t.taken;
  if (flows.heartbeat.status === 'succeeded') return t.renewed;
  if (flows.release.status === 'succeeded') return t.released;
  return '';
}
