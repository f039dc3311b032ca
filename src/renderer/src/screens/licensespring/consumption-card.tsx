import type { LsConsumptionMeter } from '../../../../shared/licensespring-model';
import { Card } from '../../components/card';
import { tLicensespring } from '../../i18n/licensespring.en';
import { overagesText, resetPeriodLabel } from '../../lib/licensespring-text';
import type { LsProfileState } from '../../store/licensespring-store';
import { ConsumptionMeter } from './consumption-meter';
import { FactList } from './fact-list';
import { useLsAction } from './ls-action';
import { RecordUsageForm } from './record-usage-form';

interface ConsumptionCardProps {
  readonly profileId: string;
  readonly meter: LsConsumptionMeter;
  /** The vendor lets people record usage from this app. */
  readonly canConsume: boolean;
  readonly state: LsProfileState;
}

/** A consumption licence's counter: what was used against what was bought. */
export function ConsumptionCard({ profileId, meter, canConsume, state }: ConsumptionCardProps) {
  const consume = useLsAction(profileId, state, 'consume');
  const t = tLicensespring().consumption;
  return (
    <Card
      className="ls-consumption"
      labelledBy="ls-consumption-title"
      title={t.title}
      description={t.description}
    >
      <ConsumptionMeter meter={meter} label={t.meter} />
      <FactList
        items={[
          { term: t.overages, value: overagesText(meter) },
          { term: t.counter, value: resetPeriodLabel(meter.resetPeriod) },
          { term: t.givingBack, value: meter.allowNegative ? t.allowed : t.notAllowed },
        ]}
      />
      {canConsume && (
        <div className="card__footer">
          <RecordUsageForm
            id="ls-consume-amount"
            meter={meter}
            handle={consume}
            toAction={(amount) => ({ kind: 'consume', amount })}
          />
        </div>
      )}
    </Card>
  );
}
