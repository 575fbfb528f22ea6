import type { ConsumptionYear } from "@lk/contract/consumption";
import { CSV_TYPE } from "@lk/domain";
import { type ReactNode, Suspense, useMemo, useState } from "react";
import { useInView } from "react-intersection-observer";
import { QueryFailed } from "../../../components/QueryFailed.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { useDeferredQuery } from "../../../lib/deferred-query.ts";
import { downloadText } from "../../../lib/download.ts";
import { lazyWithPreload } from "../../../lib/lazy-with-preload.ts";
import { useConsumption } from "../api/get-consumption.ts";
import { consumptionFile } from "../consumption-csv.ts";
import { type ConsumptionView, consumptionSummary, consumptionView } from "../consumption-months.ts";
import { ChartBoundary } from "./ChartBoundary.tsx";
import { ConsumptionTable } from "./ConsumptionTable.tsx";
import { TariffComparison } from "./TariffComparison.tsx";
import { ThisMonth } from "./ThisMonth.tsx";
import { YearPicker } from "./YearPicker.tsx";

// recharts is the biggest thing on the page and only this card needs it: fetched when first drawn.
const ConsumptionChart = lazyWithPreload(
  () => import("./ConsumptionChart.tsx"),
  (m) => m.ConsumptionChart,
);

type Mode = "chart" | "table";

/** As tall as the chart, so the page does not jump when it arrives. */
function ChartPlaceholder() {
  return (
    <div className="chart-placeholder" role="status">
      <span className="spinner__circle" aria-hidden="true" />
      Загружаем график…
    </div>
  );
}

function ViewToggle({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  const option = (value: Mode, label: string) => (
    <Button
      variant={mode === value ? "primary" : "secondary"}
      aria-pressed={mode === value}
      onClick={() => onChange(value)}
    >
      {label}
    </Button>
  );
  return (
    <fieldset className="view-toggle">
      <legend className="visually-hidden">Вид</legend>
      {option("chart", "График")}
      {option("table", "Таблица")}
    </fieldset>
  );
}

/**
 * The chart sits far below the first screen on a phone, and drawing it is the page's heaviest work
 * (recharts: ~250 ms of script on a fast laptop, four times that on a mid-range phone). It is
 * fetched and drawn only when it comes within 300 px of the viewport, so opening the account
 * page does not freeze while nobody looks at the chart. Without IntersectionObserver: at once.
 */
function ChartWhenNear({ children }: { children: ReactNode }) {
  const { ref, inView } = useInView({ triggerOnce: true, rootMargin: "300px 0px", fallbackInView: true });
  return (
    <div ref={ref}>
      {inView ? <Suspense fallback={<ChartPlaceholder />}>{children}</Suspense> : <ChartPlaceholder />}
    </div>
  );
}

interface ResultProps {
  data: ConsumptionYear;
  view: ConsumptionView;
  accountNumber: string;
  /** Another year is loading; this one stays until it comes. */
  busy: boolean;
}

/** The year's numbers: options, then the chart or the table, both from the same answer. */
function ConsumptionResult({ data, view, accountNumber, busy }: ResultProps) {
  const [compare, setCompare] = useState(true);
  const [mode, setMode] = useState<Mode>("chart");
  const download = () => {
    const file = consumptionFile(data, accountNumber);
    downloadText(file.filename, file.text, CSV_TYPE);
  };
  return (
    <>
      <div className="consumption__options">
        <label className="check-field">
          <input type="checkbox" checked={compare} onChange={(event) => setCompare(event.target.checked)} />
          <span>Сравнить с {view.year - 1} годом</span>
        </label>
        <div className="consumption__actions">
          <ViewToggle mode={mode} onChange={setMode} />
          <Button variant="secondary" onClick={download}>
            Скачать CSV
          </Button>
        </div>
      </div>
      <div className="consumption__view" aria-busy={busy || undefined}>
        {mode === "chart" ? (
          <ChartBoundary
            fallback={
              <Button variant="secondary" onClick={() => setMode("table")}>
                Показать таблицу
              </Button>
            }
          >
            <ChartWhenNear>
              <ConsumptionChart view={view} compare={compare} summary={consumptionSummary(view, compare)} />
            </ChartWhenNear>
          </ChartBoundary>
        ) : (
          <ConsumptionTable view={view} compare={compare} busy={busy} />
        )}
      </div>
    </>
  );
}

interface Props {
  accountId: string;
  /** For the CSV file's name. */
  accountNumber: string;
  /** The year it is now at the supplier (Moscow); null while not yet known. */
  currentYear: number | null;
}

function ConsumptionPanel({ accountId, accountNumber, currentYear }: Props & { currentYear: number }) {
  const [year, setYear] = useState(currentYear);
  const consumption = useDeferredQuery(useConsumption(accountId, year));
  const data = consumption.data;
  const view = useMemo(() => (data ? consumptionView(data) : null), [data]);

  let body: ReactNode;
  if (consumption.isPending) {
    body = <Spinner label="Загружаем данные о потреблении…" />;
  } else if (consumption.isError || !data || !view) {
    body = <QueryFailed what="Не удалось загрузить данные о потреблении." query={consumption} />;
  } else if (view.empty) {
    body = <p className="card__muted">Показаний пока нет: график появится после первых переданных показаний.</p>;
  } else {
    body = (
      <ConsumptionResult data={data} view={view} accountNumber={accountNumber} busy={consumption.isPlaceholderData} />
    );
  }

  return (
    <div className="consumption">
      <div className="consumption__period">
        <YearPicker currentYear={currentYear} applied={year} onApply={setYear} />
        {consumption.isPlaceholderData ? <Spinner label={`Загружаем данные за ${year} год…`} /> : null}
      </div>
      {view && !consumption.isError ? <p className="consumption__shown">Показан {view.year} год</p> : null}
      {body}
    </div>
  );
}

/**
 * SPEC §11 «Потребление»: «Этот месяц» (use since the last bill, the month's forecast), then a year
 * by month and zone, compared with the year before; a table and CSV of the same numbers; then
 * «Какой тариф выгоднее» over the last twelve months.
 */
export function ConsumptionCard({ currentYear, ...rest }: Props) {
  return (
    <section className="card consumption-card" aria-labelledby="consumption-title">
      <h2 id="consumption-title" className="card__title">
        Потребление электроэнергии
      </h2>
      <ThisMonth accountId={rest.accountId} />
      {currentYear === null ? (
        <Spinner label="Загружаем данные о потреблении…" />
      ) : (
        <ConsumptionPanel {...rest} currentYear={currentYear} />
      )}
      <TariffComparison accountId={rest.accountId} />
    </section>
  );
}
