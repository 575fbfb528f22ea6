import type { BillDetails } from "@lk/contract/payments";
import { formatAmount, formatKopecks } from "@lk/domain";
import { Link, useParams } from "react-router";
import { z } from "zod";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { PageLoader } from "../../../components/ui/PageLoader.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { formatBillPeriod, formatIsoDate, formatMoscowDate } from "../../../lib/dates.ts";
import { zoneName } from "../../../lib/meter-format.ts";
import { useBill } from "../api/get-bill.ts";
import { billTotal, formatKwh, openingLine } from "../payment-labels.ts";

const Id = z.uuid();

function BackLink({ accountId }: { accountId: string }) {
  return <Link to={`/accounts/${accountId}`}>Назад к лицевому счёту</Link>;
}

/** The bill as the paper one has it; «Печать» prints only the bill (see @media print). */
function Bill({ bill }: { bill: BillDetails }) {
  const opening = openingLine(bill.openingKopecks);
  const total = billTotal(bill.totalKopecks);
  return (
    <article className="card bill" aria-labelledby="bill-title">
      <h1 id="bill-title">Квитанция за {formatBillPeriod(bill.period)}</h1>
      <p className="bill__supplier">{bill.account.supplierName}</p>
      <dl className="details bill__account">
        <dt>Лицевой счёт</dt>
        <dd>№ {bill.account.number}</dd>
        <dt>Плательщик</dt>
        <dd>{bill.account.ownerName}</dd>
        <dt>Адрес</dt>
        <dd>{bill.account.address}</dd>
        <dt>Дата выставления</dt>
        <dd>{formatMoscowDate(bill.issuedAt)}</dd>
      </dl>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard */}
      <section className="table-scroll bill__lines" aria-labelledby="bill-lines" tabIndex={0}>
        <table className="data-table">
          <caption id="bill-lines" className="data-table__caption">
            Начисления за электроэнергию
          </caption>
          <thead>
            <tr>
              <th scope="col">Зона</th>
              <th scope="col" className="data-table__number">
                Расход, кВт·ч
              </th>
              <th scope="col" className="data-table__number">
                Тариф, ₽/кВт·ч
              </th>
              <th scope="col" className="data-table__number">
                Сумма
              </th>
            </tr>
          </thead>
          <tbody>
            {bill.lines.map((line) => (
              <tr key={line.zone}>
                <td>{zoneName(line.zone, bill.lines.length)}</td>
                <td className="data-table__number">{formatKwh(line.kwh)}</td>
                <td className="data-table__number">{formatAmount(line.rateKopecks)}</td>
                <td className="data-table__number">{formatKopecks(line.amountKopecks)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <dl className="bill-card__lines bill__totals">
        <dt>{opening.label}</dt>
        <dd>{opening.amount}</dd>
        <dt>Начислено</dt>
        <dd>{formatKopecks(bill.chargesKopecks)}</dd>
        <dt className="bill-card__total">{total.label}</dt>
        <dd className="bill-card__total">{total.amount}</dd>
        <dt>Оплачено</dt>
        <dd>{formatKopecks(bill.paidKopecks)}</dd>
        <dt>Оплатить до</dt>
        <dd>{formatIsoDate(bill.dueDate)}</dd>
      </dl>
    </article>
  );
}

/** «Квитанция»: a bill of «История» → «Счета», on a page of its own to print or save as PDF. */
export function BillPage() {
  const { accountId = "", billId = "" } = useParams();
  const valid = Id.safeParse(accountId).success && Id.safeParse(billId).success;
  const bill = useBill(accountId, billId, { enabled: valid });

  if (!valid || (bill.error instanceof ApiError && bill.error.code === "NOT_FOUND")) {
    return (
      <section className="page" aria-labelledby="bill-title">
        <div className="card empty-state">
          <h1 id="bill-title">Квитанция не найдена</h1>
          <p>Возможно, в ссылке опечатка или лицевой счёт удалён из вашей учётной записи.</p>
          <BackLink accountId={accountId} />
        </div>
      </section>
    );
  }
  if (bill.isPending) return <PageLoader />;
  if (bill.isError) {
    return (
      <section className="page" aria-labelledby="bill-title">
        <h1 id="bill-title">Квитанция</h1>
        <Alert>Не удалось загрузить квитанцию. {bill.error.message}</Alert>
        <div className="bill-page__actions">
          <Button variant="secondary" pending={bill.isFetching} onClick={() => bill.refetch()}>
            Повторить
          </Button>
          <BackLink accountId={accountId} />
        </div>
      </section>
    );
  }
  return (
    <section className="page bill-page">
      <div className="bill-page__actions">
        <BackLink accountId={accountId} />
        <Button onClick={() => window.print()}>Печать</Button>
      </div>
      <Bill bill={bill.data} />
    </section>
  );
}
