import type { Payment } from "@lk/contract/payments";
import { formatKopecks, PAYMENT_STATUS_LABEL } from "@lk/domain";
import { useId } from "react";
import { formatMoscowDate } from "../../../lib/dates.ts";
import { PAYMENT_CHANNEL_LABEL } from "../payment-labels.ts";

/** The payments as a real table; the status is a word (the colour only repeats it), a decline says why. */
export function PaymentsTable({ payments, busy }: { payments: Payment[]; busy: boolean }) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0} aria-busy={busy || undefined}>
      <table className="data-table">
        <caption id={captionId} className="data-table__caption">
          Оплаты за период
        </caption>
        <thead>
          <tr>
            <th scope="col">Дата</th>
            <th scope="col" className="data-table__number">
              Сумма
            </th>
            <th scope="col">Статус</th>
            <th scope="col">Способ</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => (
            <tr key={payment.id}>
              <td className="data-table__nowrap">{formatMoscowDate(payment.paidAt)}</td>
              <td className="data-table__number">{formatKopecks(payment.amountKopecks)}</td>
              <td>
                <span className={`payment-status payment-status--${payment.status.toLowerCase()}`}>
                  {PAYMENT_STATUS_LABEL[payment.status]}
                </span>
                {payment.declineReason ? <span className="payment-status__reason">{payment.declineReason}</span> : null}
              </td>
              <td>{PAYMENT_CHANNEL_LABEL[payment.channel]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
