import type { BillSummary } from "@lk/contract/accounts";
import { formatKopecks } from "@lk/domain";
import { formatBillPeriod, formatIsoDate } from "../../../lib/dates.ts";

/** The latest bill as the paper one states it: «Итого по счёту» or «Итого переплата», and the due date. */
export function LastBillCard({ bill }: { bill: BillSummary | null }) {
  if (!bill) {
    return (
      <section className="card" aria-labelledby="bill-title">
        <h2 id="bill-title" className="card__title">
          Последний счёт
        </h2>
        <p className="card__muted">Счетов по этому лицевому счёту пока нет.</p>
      </section>
    );
  }
  const overpaid = bill.totalKopecks < 0;
  return (
    <section className="card bill-card" aria-labelledby="bill-title">
      <h2 id="bill-title" className="card__title">
        Последний счёт за {formatBillPeriod(bill.period)}
      </h2>
      <dl className="bill-card__lines">
        <dt>{bill.openingKopecks > 0 ? "Задолженность на начало периода" : "Аванс на начало периода"}</dt>
        <dd>{formatKopecks(Math.abs(bill.openingKopecks))}</dd>
        <dt>Начислено за период</dt>
        <dd>{formatKopecks(bill.chargesKopecks)}</dd>
        <dt className="bill-card__total">{overpaid ? "Итого переплата" : "Итого по счёту"}</dt>
        <dd className="bill-card__total">{formatKopecks(Math.abs(bill.totalKopecks))}</dd>
      </dl>
      {overpaid ? (
        <p className="card__muted">Переплата будет учтена в следующем счёте.</p>
      ) : (
        <p className="bill-card__due">Оплатить до {formatIsoDate(bill.dueDate)}</p>
      )}
    </section>
  );
}
