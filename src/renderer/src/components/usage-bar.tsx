import { tCommon } from '../i18n/common.en';

interface UsageBarProps {
  readonly used: number;
  readonly max: number;
  readonly label: string;
}

/** used of max as a bar; turns amber near the limit and red at it, with the numbers in words too. */
export function UsageBar({ used, max, label }: UsageBarProps) {
  const ratio = max > 0 ? Math.min(1, used / max) : 0;
  const tone = max > 0 && used >= max ? 'full' : ratio >= 0.8 ? 'high' : 'ok';
  return (
    <div
      className={`usage usage--${tone}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(used, max)}
      aria-valuetext={tCommon().usageOf(used, max)}
    >
      {/* A CSSOM width, which the style-src CSP allows, unlike a style attribute in markup. */}
      <div className="usage__fill" style={{ width: `${ratio * 100}%` }} />
    </div>
  );
}
