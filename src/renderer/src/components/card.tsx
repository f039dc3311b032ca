import type { ReactNode } from 'react';

interface CardProps {
  readonly title?: ReactNode;
  readonly description?: ReactNode;
  /** Buttons or status shown at the right of the title row. */
  readonly aside?: ReactNode;
  readonly children?: ReactNode;
  readonly className?: string;
  readonly labelledBy?: string;
}

export function Card({ title, description, aside, children, className, labelledBy }: CardProps) {
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={labelledBy}>
      {(title || aside) && (
        <header className="card__header">
          <div className="card__heading">
            {title && (
              <h2 className="card__title" id={labelledBy}>
                {title}
              </h2>
            )}
            {description && <p className="card__description">{description}</p>}
          </div>
          {aside && <div className="card__aside">{aside}</div>}
        </header>
      )}
      {children}
    </section>
  );
}
