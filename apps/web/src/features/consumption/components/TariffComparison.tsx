import type { TariffComparison as Comparison } from "@lk/contract/consumption";
import { formatKopecks, MONTH_NAMES, TARIFF_PLAN_NAMES } from "@lk/domain";
import { type ReactNode, useId } from "react";
import { Link } from "react-router";
import { QueryFailed } from "../../../components/QueryFailed.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { useDeferredQuery } from "../../../lib/deferred-query.ts";
import { formatMeterValue } from "../../../lib/meter-format.ts";
import { useTariffComparison } from "../api/get-tariff-comparison.ts";

type PlanRow = Comparison["plans"][number];

const monthText = (month: string) => `${MONTH_NAMES[Number(month.slice(5)) - 1] ?? month} ${month.slice(0, 4)}`;
const kwh = (plan: PlanRow) =>
  `${formatMeterValue(String(Math.round(plan.zones.reduce((sum, z) => sum + Number(z.kwh), 0))))} кВт·ч`;
/** An estimate is never shown as fact: «≈» before it, and the assumption under the table. */
const money = (plan: PlanRow, kopecks: number) => `${plan.exact ? "" : "≈ "}${formatKopecks(kopecks)}`;
const percent = (share: number) => `${Math.round(share * 100)} %`;

function difference(plan: PlanRow, current: boolean): string {
  if (current) return "ваш тариф";
  if (plan.differenceKopecks === 0) return "столько же";
  const amount = money(plan, Math.abs(plan.differenceKopecks));
  return plan.differenceKopecks < 0 ? `дешевле на ${amount}` : `дороже на ${amount}`;
}

function Verdict({ data, accountId, period }: { data: Comparison; accountId: string; period: string }) {
  const better = data.plans.find((p) => p.plan === data.better);
  const change = (plan?: string) => `/accounts/${accountId}/requests/new?kind=TARIFF${plan ? `&plan=${plan}` : ""}`;
  if (!better) {
    return (
      <p>
        Ваш тариф ({TARIFF_PLAN_NAMES[data.currentPlan]}) — самый выгодный по вашим показаниям за {period}.{" "}
        <Link to={change()}>Сменить тариф</Link>
      </p>
    );
  }
  return (
    <div className="tariff-comparison__verdict">
      <p>
        {better.exact ? "Выгоднее" : "Вероятно, выгоднее"} <strong>{TARIFF_PLAN_NAMES[better.plan]}</strong>: за{" "}
        {period} вы заплатили бы на <strong>{money(better, -better.differenceKopecks)}</strong> меньше, чем по вашему
        тарифу ({TARIFF_PLAN_NAMES[data.currentPlan]}).
        {better.meterReplacement ? " Для него понадобится замена счётчика на многотарифный." : ""}
      </p>
      <Link to={change(better.plan)} className="button button--secondary">
        Сменить тариф
      </Link>
    </div>
  );
}

function Table({ data, period }: { data: Comparison; period: string }) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId} className="data-table__caption">
          Стоимость электроэнергии за {period} по каждому тарифу
        </caption>
        <thead>
          <tr>
            <th scope="col">Тариф</th>
            <th scope="col" className="data-table__number">
              Расход
            </th>
            <th scope="col" className="data-table__number">
              Стоимость
            </th>
            <th scope="col">Сравнение</th>
          </tr>
        </thead>
        <tbody>
          {data.plans.map((plan) => {
            const current = plan.plan === data.currentPlan;
            return (
              <tr key={plan.plan} className={current ? "tariff-comparison__current" : undefined}>
                <th scope="row">
                  {TARIFF_PLAN_NAMES[plan.plan]}
                  {plan.exact ? "" : <span className="tariff-comparison__note"> оценка</span>}
                  {plan.meterReplacement ? (
                    <span className="tariff-comparison__note"> нужна замена счётчика</span>
                  ) : null}
                </th>
                <td className="data-table__number">{kwh(plan)}</td>
                <td className="data-table__number">{money(plan, plan.costKopecks)}</td>
                <td>{difference(plan, current)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Body({ data, accountId }: { data: Comparison; accountId: string }) {
  if (!data.plans.length || !data.from || !data.to) {
    return (
      <p className="card__muted">
        Для сравнения нужны показания хотя бы за 3 месяца из последних 12 (сейчас: {data.monthsCounted}). Передавайте
        показания каждый месяц, и здесь появится расчёт.
      </p>
    );
  }
  const period =
    data.monthsCounted === 12
      ? `12 месяцев (${monthText(data.from)} – ${monthText(data.to)})`
      : `${data.monthsCounted} мес. с показаниями (${monthText(data.from)} – ${monthText(data.to)})`;
  return (
    <>
      <Verdict data={data} accountId={accountId} period={period} />
      <Table data={data} period={period} />
      <p className="card__muted">
        По вашим фактическим показаниям (без расчётных) и тарифам поставщика, действовавшим в каждом месяце.
        {data.assumption
          ? ` Оценка: ваш счётчик не разделяет расход по зонам суток, поэтому мы приняли, что ночью (23:00–7:00) расходуется ${percent(data.assumption.nightShare)} электроэнергии, а из дневной — ${percent(data.assumption.peakShareOfDay)} приходится на пиковые часы (7:00–10:00 и 17:00–21:00). Фактическая разница зависит от того, когда вы пользуетесь электроэнергией.`
          : ""}
      </p>
    </>
  );
}

/** «Какой тариф выгоднее»: the last twelve months on each plan of the supplier, and «Сменить тариф». */
export function TariffComparison({ accountId }: { accountId: string }) {
  const query = useDeferredQuery(useTariffComparison(accountId));
  let body: ReactNode;
  if (query.isPending) body = <Spinner label="Сравниваем тарифы…" />;
  else if (query.isError) body = <QueryFailed what="Не удалось сравнить тарифы." query={query} />;
  else body = <Body data={query.data} accountId={accountId} />;
  return (
    <section className="tariff-comparison" aria-labelledby="tariff-comparison-title">
      <h3 id="tariff-comparison-title" className="this-month__title">
        Какой тариф выгоднее
      </h3>
      {body}
    </section>
  );
}
