import type { ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Tables and charts run edge to edge; forms and text keep the padding. */
  flush?: boolean;
}

export function Card({ title, actions, children, className, flush }: CardProps) {
  return (
    <section className={['card', flush ? 'card--flush' : '', className ?? ''].join(' ').trim()}>
      {title || actions ? (
        <div className="card__header">
          {title ? <h2 className="card__title">{title}</h2> : <span />}
          {actions ? <div className="card__actions">{actions}</div> : null}
        </div>
      ) : null}
      <div className="card__body">{children}</div>
    </section>
  );
}
