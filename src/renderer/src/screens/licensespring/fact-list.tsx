import type { ReactNode } from 'react';
import { tLicensespring } from '../../i18n/licensespring.en';

export interface FactItem {
  readonly term: string;
  readonly value: ReactNode;
}

/**
 * The licence's facts in the app's definition grid (`.facts`). Given as a list, with the ones
 * that do not apply left out as `false`, so each card reads as the table of what it shows.
 */
export function FactList({ items }: { readonly items: readonly (FactItem | false)[] }) {
  const shown = items.filter((item): item is FactItem => item !== false);
  if (shown.length === 0) return null;
  return (
    <dl className="facts ls-facts">
      {shown.map(({ term, value }) => (
        <div key={term} className="facts__item">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A value the server did not give. */
export function NotSet({ children }: { readonly children?: ReactNode }) {
  return <span className="text-muted">{children ?? tLicensespring().notSet}</span>;
}
