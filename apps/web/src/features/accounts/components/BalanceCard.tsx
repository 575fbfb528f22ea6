import type { AccountDetails } from "@lk/contract/accounts";
import { formatKopecks } from "@lk/domain";
import type { ReactNode } from "react";
import { formatIsoDate, formatMoscowDate } from "../../../lib/dates.ts";
import { balanceWording } from "../balance.ts";

/**
 * The balance: owed or overpaid, in words first; the colour only repeats what the words say.
 * `actions` are other features' buttons about the balance («Оплатить»), put in by the app.
 */
export function BalanceCard({ account, actions }: { account: AccountDetails; actions?: ReactNode }) {
  const { label, amount, tone } = balanceWording(account.balanceKopecks);
  return (
    <section className={`card balance-card balance-card--${tone}`} aria-labelledby="balance-title">
      <h2 id="balance-title" className="card__title">
        Баланс
      </h2>
      <p className="balance-card__label">{label}</p>
      {amount ? <p className="balance-card__amount">{amount}</p> : null}
      {account.debtSince ? (
        <p className="balance-card__note">Задолженность с {formatIsoDate(account.debtSince)}</p>
      ) : null}
      {account.lastPayment ? (
        <p className="card__muted">
          Последний платёж: {formatKopecks(account.lastPayment.amountKopecks)} от{" "}
          {formatMoscowDate(account.lastPayment.paidAt)}
        </p>
      ) : (
        <p className="card__muted">Платежей пока нет.</p>
      )}
      {actions ? <div className="balance-card__actions">{actions}</div> : null}
    </section>
  );
}
