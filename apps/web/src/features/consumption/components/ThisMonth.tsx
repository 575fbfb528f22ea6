import type { ThisMonth as ThisMonthData } from "@lk/contract/consumption";
import { formatKopecks, MONTH_NAMES } from "@lk/domain";
import type { ReactNode } from "react";
import { QueryFailed } from "../../../components/QueryFailed.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { formatMoscowDate } from "../../../lib/dates.ts";
import { useDeferredQuery } from "../../../lib/deferred-query.ts";
import { formatMeterValue } from "../../../lib/meter-format.ts";
import { useThisMonth } from "../api/get-this-month.ts";

/** Whole kWh: an estimate in thousandths would be false precision. */
const kwh = (value: string) => `${formatMeterValue(String(Math.round(Number(value))))} кВт·ч`;

const BASIS: Record<NonNullable<ThisMonthData["forecast"]>["basedOn"][number], string> = {
  OWN_PACE: "вашему среднему расходу с последнего счёта",
  LAST_YEAR: "тому же месяцу прошлого года",
};

function Estimate({ data }: { data: ThisMonthData }) {
  const { sinceBill, forecast } = data;
  const month = MONTH_NAMES[Number(data.month.slice(5)) - 1] ?? data.month;
  return (
    <>
      {sinceBill ? (
        <p>
          С последнего счёта (показания с {formatMoscowDate(sinceBill.from)} по {formatMoscowDate(sinceBill.to)}):{" "}
          <strong>{kwh(sinceBill.kwh)}</strong>, примерно <strong>{formatKopecks(sinceBill.costKopecks)}</strong> по
          действующим тарифам.
        </p>
      ) : (
        <p className="card__muted">
          После последнего счёта показаний ещё не было: передайте показания, и здесь появится расход.
        </p>
      )}
      {forecast ? (
        <p>
          Прогноз на {month}:{" "}
          <strong>
            {kwh(forecast.lowKwh)} – {kwh(forecast.highKwh)}
          </strong>
          , примерно{" "}
          <strong>
            {formatKopecks(forecast.lowKopecks)} – {formatKopecks(forecast.highKopecks)}
          </strong>
          .{" "}
          <span className="card__muted">
            По {forecast.basedOn.map((basis) => BASIS[basis]).join(" и ")}; точная сумма будет в счёте.
          </span>
        </p>
      ) : (
        <p className="card__muted">Для прогноза на {month} пока мало данных.</p>
      )}
    </>
  );
}

/** «Этот месяц»: what was used since the last bill and what the month will likely cost, as a range. */
export function ThisMonth({ accountId }: { accountId: string }) {
  const query = useDeferredQuery(useThisMonth(accountId));
  let body: ReactNode;
  if (query.isPending) body = <Spinner label="Считаем расход за этот месяц…" />;
  else if (query.isError) body = <QueryFailed what="Не удалось посчитать расход за этот месяц." query={query} />;
  else body = <Estimate data={query.data} />;
  return (
    <section className="this-month" aria-labelledby="this-month-title">
      <h3 id="this-month-title" className="this-month__title">
        Этот месяц
      </h3>
      {body}
    </section>
  );
}
