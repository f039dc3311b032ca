import type { LsConsumptionMeter } from '../../../../shared/licensespring-model';
import { Card } from '../../components/card';
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
  return (
    <Card
      className="ls-consumption"
      labelledBy="ls-consumption-title"
      title="Licence usage"
      description="Usage recorded against this licence, from every computer that uses it."
    >
      <ConsumptionMeter meter={meter} label="Licence usage" />
      <FactList
        items={[
          { term: 'Overages', value: overagesText(meter) },
          { term: 'Counter', value: resetPeriodLabel(meter.resetPeriod) },
          { term: 'Giving usage back', value: meter.allowNegative ? 'Allowed' : 'Not allowed' },
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
