import type { ReactNode } from "react";

function SoonCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card card--soon" aria-labelledby={id}>
      <div className="card__head">
        <h2 id={id} className="card__title">
          {title}
        </h2>
        <span className="tag tag--soon">Скоро</span>
      </div>
      {children}
    </section>
  );
}

/** The blocks of the account page that later releases fill in, so the page already has its final shape. */
export function RequisitesSoonCard() {
  return (
    <SoonCard id="soon-requisites" title="Реквизиты ЛС">
      <p className="card__muted">Общая информация о лицевом счёте и заявки на изменение сведений.</p>
    </SoonCard>
  );
}
