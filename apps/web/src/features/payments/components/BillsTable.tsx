import type { BillSummary } from "@lk/contract/accounts";
import { formatKopecks } from "@lk/domain";
import { useId } from "react";
import { Link } from "react-router";
import { formatBillPeriod, formatIsoDate } from "../../../lib/dates.ts";
import { billMonth, billTotal } from "../payment-labels.ts";

interface Props {
  accountId: string;
  bills: BillSummary[];
  busy: boolean;
}

/** The bills as a real table, each with its printable «Квитанция». */
export function BillsTable({ accountId, bills, busy }: Props) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0} aria-busy={busy || undefined}>
      <table className="data-table">
        <caption id={captionId} className="data-table__caption">
          Счета за период
        </caption>
        <thead>
          <tr>
            <th scope="col">Период</th>
            <th scope="col" className="data-table__number">
              Начислено
            </th>
            <th scope="col">Итого</th>
            <th scope="col">Оплатить до</th>
            <th scope="col">
              <span className="visually-hidden">Квитанция</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {bills.map((bill) => {
            const total = billTotal(bill.totalKopecks);
            return (
              <tr key={bill.id}>
                <td className="data-table__nowrap">{billMonth(bill.period)}</td>
                <td className="data-table__number">{formatKopecks(bill.chargesKopecks)}</td>
                <td>
                  {total.label} <span className="data-table__nowrap">{total.amount}</span>
                </td>
                <td className="data-table__nowrap">{formatIsoDate(bill.dueDate)}</td>
                <td>
                  {/* The name says which bill: every row's link reads «Квитанция». */}
                  <Link
                    to={`/accounts/${accountId}/bills/${bill.id}`}
                    aria-label={`Квитанция за ${formatBillPeriod(bill.period)}`}
                  >
                    Квитанция
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
