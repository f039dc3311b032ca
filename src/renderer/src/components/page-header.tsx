import type { ReactNode } from 'react';

export function PageHeader({
  title,
  subtitle,
  aside,
}: {
  readonly title: string;
  readonly subtitle?: ReactNode;
  readonly aside?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {subtitle && <p className="page-header__subtitle">{subtitle}</p>}
      </div>
      {aside && <div className="page-header__aside">{aside}</div>}
    </div>
  );
}
