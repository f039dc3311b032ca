import { useId } from 'react';
import type { LsFeatureView } from '../../../../shared/licensespring-model';
import { Card } from '../../components/card';
import { tLicensespring } from '../../i18n/licensespring.en';
import { StatusPill } from '../../components/status-pill';
import { formatDate, isoTime } from '../../lib/format';
import { featureTypeLabel, overagesText, resetPeriodLabel } from '../../lib/licensespring-text';
import type { LsProfileState } from '../../store/licensespring-store';
import { ConsumptionMeter } from './consumption-meter';
import { FeatureActions } from './feature-actions';
import { HoldPill, SlotsUsage } from './floating-parts';
import { RichText } from '../../components/rich-text';

interface FeatureCardProps {
  readonly profileId: string;
  readonly feature: LsFeatureView;
  readonly state: LsProfileState;
  readonly canConsume: boolean;
  /** The licence's borrow limit, which a feature's borrow keeps to as well. */
  readonly maxBorrowHours: number | undefined;
}

/** One feature: what it is, until when, its floating slots and usage, and what can be done. */
export function FeatureCard({ feature, ...rest }: FeatureCardProps) {
  const titleId = useId();
  const { floating, consumption } = feature;
  const t = tLicensespring().feature;
  return (
    <Card
      className={`ls-feature${feature.expired ? ' ls-feature--expired' : ''}`}
      labelledBy={titleId}
      title={feature.name}
      description={<code className="ls-feature__code">{feature.code}</code>}
      aside={
        <>
          <StatusPill tone="neutral">{featureTypeLabel(feature.type)}</StatusPill>
          <Expiry feature={feature} />
        </>
      }
    >
      <div className="ls-feature__body">
        {floating && (
          <div className="ls-feature__part">
            <h3 className="ls-feature__heading">{t.floatingSlots}</h3>
            <SlotsUsage floating={floating} label={t.slotsOf(feature.name)} />
            <p className="ls-feature__meta">
              <HoldPill floating={floating} />
              <span>{t.lapse(floating.timeoutMinutes)}</span>
            </p>
          </div>
        )}
        {consumption && (
          <div className="ls-feature__part">
            <h3 className="ls-feature__heading">{t.usage}</h3>
            <ConsumptionMeter meter={consumption} label={t.usageOf(feature.name)} />
            <p className="ls-feature__meta">
              <span>{resetPeriodLabel(consumption.resetPeriod)}</span>
              {!consumption.unlimited && <span>{t.overages(overagesText(consumption))}</span>}
            </p>
          </div>
        )}
        {!floating && !consumption && (
          <p className="ls-feature__plain">{feature.expired ? t.expiredText : t.includedText}</p>
        )}
      </div>
      <FeatureActions feature={feature} {...rest} />
    </Card>
  );
}

function Expiry({ feature }: { readonly feature: LsFeatureView }) {
  const t = tLicensespring().feature;
  if (feature.expired) return <StatusPill tone="danger">{t.expired}</StatusPill>;
  if (feature.expiresAt === undefined) return null;
  return (
    <StatusPill tone="neutral">
      <RichText
        text={t.until}
        values={{
          date: <time dateTime={isoTime(feature.expiresAt)}>{formatDate(feature.expiresAt)}</time>,
        }}
      />
    </StatusPill>
  );
}
