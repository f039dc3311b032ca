import type { LsConsumptionMeter } from '../../../../shared/licensespring-model';
import { tLicensespring } from '../../i18n/licensespring.en';
import { readMeter, type MeterBar } from '../../lib/licensespring-meter';
import { meterSummary } from '../../lib/licensespring-text';

const percent = (fraction: number): string => `${(fraction * 100).toFixed(2)}%`;

/**
 * A consumption counter: its numbers in words, and a bar with two zones when the vendor allows
 * overages, the included amount then the overage zone (hatched), so going over reads as going
 * over and not as a full bar. An unlimited counter has no bar: there is nothing to fill.
 */
export function ConsumptionMeter({
  meter,
  label,
}: {
  readonly meter: LsConsumptionMeter;
  /** The meter's accessible name, e.g. "Usage of Exports". */
  readonly label: string;
}) {
  const t = tLicensespring().meter;
  const reading = readMeter(meter);
  const summary = meterSummary(meter);
  return (
    <div className={`ls-meter ls-meter--${reading.state}`}>
      <p className="ls-meter__summary">{summary}</p>
      {reading.bar && (
        <div
          className="ls-meter__bar"
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={reading.cap ?? Math.max(meter.total, meter.max)}
          aria-valuenow={Math.max(0, meter.total)}
          aria-valuetext={summary}
        >
          <MeterParts bar={reading.bar} />
        </div>
      )}
      {reading.bar && reading.bar.zone > 0 && (
        <p className="ls-meter__legend" aria-hidden="true">
          <span className="ls-meter__key ls-meter__key--included" />
          {t.legendIncluded(meter.max)}
          <span className="ls-meter__key ls-meter__key--zone" />
          {meter.maxOverages > 0 ? t.legendZoneCapped(meter.maxOverages) : t.legendZoneOpen}
        </p>
      )}
    </div>
  );
}

/** Widths and offsets are set through the CSSOM, which the style-src CSP allows. */
function MeterParts({ bar }: { readonly bar: MeterBar }) {
  return (
    <>
      {bar.zone > 0 && (
        <span
          className="ls-meter__zone"
          style={{ left: percent(bar.limit), width: percent(bar.zone) }}
        />
      )}
      <span className="ls-meter__fill" style={{ width: percent(bar.included) }} />
      {bar.overage > 0 && (
        <span
          className="ls-meter__over"
          style={{ left: percent(bar.limit), width: percent(bar.overage) }}
        />
      )}
      {bar.zone > 0 && <span className="ls-meter__limit" style={{ left: percent(bar.limit) }} />}
    </>
  );
}
