import type { ConsumptionYear } from "@lk/contract/consumption";
import { MONTH_NAMES, type MonthConsumption, type MonthStatus, milliOf, type Zone } from "@lk/domain";
import { formatMeterValue, zoneName } from "../../lib/meter-format.ts";

// One source for the chart, the table, the text alternative and the CSV: the query's answer,
// turned back into the domain's integer thousandths of a kWh once.

const SHORT = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
/** «больше всего в январе». */
const IN_MONTH = [
  "январе",
  "феврале",
  "марте",
  "апреле",
  "мае",
  "июне",
  "июле",
  "августе",
  "сентябре",
  "октябре",
  "ноябре",
  "декабре",
];

export const MISSING_TEXT = "нет данных";
export const FUTURE_TEXT = "—";

/** The contract's months (kWh as decimal strings) as the domain counts them, in thousandths. */
export function toDomainMonths(months: ConsumptionYear["months"]): MonthConsumption[] {
  return months.map((m) => ({
    month: m.month,
    status: m.status,
    zones: Object.fromEntries(m.zones.map((z) => [z.zone, milliOf(z.kwh)])),
    total: m.totalKwh === null ? null : milliOf(m.totalKwh),
  }));
}

export interface MonthRow {
  /** `YYYY-MM` */
  month: string;
  /** «янв» on the chart's axis. */
  short: string;
  /** «Январь» in the table. */
  name: string;
  status: MonthStatus;
  /** Per zone, thousandths of a kWh; empty unless ACTUAL. */
  zones: Partial<Record<Zone, number>>;
  /** Thousandths; null unless ACTUAL. */
  total: number | null;
  /** The same month of the year before. */
  previous: { status: MonthStatus; total: number | null };
}

export interface ConsumptionView {
  year: number;
  zones: { zone: Zone; name: string }[];
  rows: MonthRow[];
  /** No month of either year has readings: nothing to draw yet. */
  empty: boolean;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function consumptionView(data: ConsumptionYear): ConsumptionView {
  const current = toDomainMonths(data.months);
  const previous = toDomainMonths(data.previousYear);
  const rows = current.map((m, i) => ({
    month: m.month,
    short: SHORT[i] ?? m.month,
    name: capitalize(MONTH_NAMES[i] ?? m.month),
    status: m.status,
    zones: m.zones,
    total: m.total,
    previous: { status: previous[i]?.status ?? "MISSING", total: previous[i]?.total ?? null },
  }));
  return {
    year: data.year,
    zones: data.zones.map((zone) => ({ zone, name: zoneName(zone, data.zones.length) })),
    rows,
    empty: !rows.some((r) => r.status === "ACTUAL" || r.previous.status === "ACTUAL"),
  };
}

/** 2345500 thousandths → «2 345,5» (Russian grouping, decimal comma, no trailing zeros). */
export function formatKwh(milli: number): string {
  const text = (milli / 1000).toFixed(3).replace(/\.?0+$/, "");
  return formatMeterValue(text);
}

/** A table cell: the number, «нет данных» for a month no reading closes, «—» for one still ahead. */
export function cellText(status: MonthStatus, milli: number | null | undefined): string {
  if (status === "FUTURE") return FUTURE_TEXT;
  if (status === "MISSING" || milli === null || milli === undefined) return MISSING_TEXT;
  return formatKwh(milli);
}

function months(count: number): string {
  const tens = count % 100;
  const ones = count % 10;
  if (tens >= 11 && tens <= 14) return `${count} месяцев`;
  if (ones === 1) return `${count} месяц`;
  if (ones >= 2 && ones <= 4) return `${count} месяца`;
  return `${count} месяцев`;
}

const sumOf = (totals: (number | null)[]) => totals.reduce<number>((s, t) => s + (t ?? 0), 0);

/**
 * The chart's text alternative: the year's total, the peak month, the months without readings,
 * and the year before when it is shown.
 */
export function consumptionSummary(view: ConsumptionView, compare: boolean): string {
  const { year, rows } = view;
  const actual = rows.filter((r) => r.status === "ACTUAL");
  const parts: string[] = [];
  if (actual.length === 0) {
    parts.push(`Потребление за ${year} год: показаний нет.`);
  } else {
    const peak = actual.reduce((best, r) => ((r.total ?? 0) > (best.total ?? 0) ? r : best));
    const peakMonth = IN_MONTH[rows.indexOf(peak)];
    parts.push(
      `Потребление за ${year} год: всего ${formatKwh(sumOf(actual.map((r) => r.total)))} кВт·ч ` +
        `за ${months(actual.length)} с показаниями; больше всего в ${peakMonth} — ${formatKwh(peak.total ?? 0)} кВт·ч.`,
    );
  }
  const missing = rows.filter((r) => r.status === "MISSING");
  if (missing.length > 0) {
    parts.push(`Нет данных за ${months(missing.length)}: ${missing.map((r) => r.name.toLowerCase()).join(", ")}.`);
  }
  if (compare) {
    const before = rows.filter((r) => r.previous.status === "ACTUAL");
    parts.push(
      before.length === 0
        ? `За ${year - 1} год показаний нет.`
        : `За ${year - 1} год: ${formatKwh(sumOf(before.map((r) => r.previous.total)))} кВт·ч за ${months(before.length)}.`,
    );
  }
  return parts.join(" ");
}
