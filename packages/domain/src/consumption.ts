import { csvText } from "./csv.ts";
import { formatMilli } from "./meter-values.ts";
import type { Zone } from "./reading-check.ts";
import { MONTH_NAMES, MOSCOW, monthOf } from "./supplier-time.ts";

export interface ConsumptionMeter {
  id: string;
  zones: Zone[];
  digitCapacity: number;
}

export interface ConsumptionReading {
  meterId: string;
  takenAt: Date;
  /** Per zone, thousandths of a kWh. */
  values: Partial<Record<Zone, number>>;
}

export type MonthStatus = "ACTUAL" | "MISSING" | "FUTURE";

export interface MonthConsumption {
  /** `YYYY-MM` */
  month: string;
  status: MonthStatus;
  /** Per zone, thousandths of a kWh; empty unless ACTUAL. */
  zones: Partial<Record<Zone, number>>;
  /** Sum over zones, thousandths; null unless ACTUAL. */
  total: number | null;
}

/**
 * The month a reading closes: a reading taken at 00:00 on the 1st (Moscow) counts for the month
 * that just ended, since it measures use up to that moment.
 */
export function monthClosedBy(takenAt: Date, timeZone = MOSCOW): string {
  return monthOf(new Date(takenAt.getTime() - 1), timeZone);
}

/**
 * Monthly use of an account from its actual readings (SPEC §11): the difference between a meter's
 * consecutive readings, per zone, goes to the month the later one closes (past the counter's
 * capacity it rolls over); meters are added up. A month that no reading closes is MISSING, not
 * zero; months after `now` are FUTURE.
 */
export function monthlyConsumption(
  meters: ConsumptionMeter[],
  readings: ConsumptionReading[],
  year: number,
  now: Date,
  timeZone = MOSCOW,
): MonthConsumption[] {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  const current = monthOf(now, timeZone);
  const sums = new Map<string, Partial<Record<Zone, number>>>();
  for (const meter of meters) {
    const capacity = 10 ** meter.digitCapacity * 1000;
    const own = readings
      .filter((r) => r.meterId === meter.id)
      .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
    for (let i = 1; i < own.length; i++) {
      const before = own[i - 1];
      const after = own[i];
      if (!before || !after) continue;
      const month = monthClosedBy(after.takenAt, timeZone);
      if (!month.startsWith(`${year}-`)) continue;
      const sum = sums.get(month) ?? {};
      for (const zone of meter.zones) {
        const a = before.values[zone];
        const b = after.values[zone];
        if (a === undefined || b === undefined) continue;
        sum[zone] = (sum[zone] ?? 0) + (b >= a ? b - a : capacity - a + b);
      }
      sums.set(month, sum);
    }
  }
  return months.map((month) => {
    if (month > current) return { month, status: "FUTURE", zones: {}, total: null };
    const zones = sums.get(month);
    if (!zones) return { month, status: "MISSING", zones: {}, total: null };
    return { month, status: "ACTUAL", zones, total: Object.values(zones).reduce((s, v) => s + (v ?? 0), 0) };
  });
}

/**
 * The chart's months as the page shows them (the contract's `MonthConsumption`): kWh to three
 * decimals per zone of the account's meters, zones only for a month the readings close.
 */
export function monthsToShow(months: MonthConsumption[], zones: Zone[]) {
  return months.map((m) => ({
    month: m.month,
    status: m.status,
    zones: m.status === "ACTUAL" ? zones.map((zone) => ({ zone, kwh: formatMilli(m.zones[zone] ?? 0, 3) })) : [],
    totalKwh: m.total === null ? null : formatMilli(m.total, 3),
  }));
}

/** A year's monthly use and the year before's, over the account's meters: what the chart and its CSV show. */
export interface YearConsumption {
  year: number;
  /** Every zone the account's meters measure, T1 first. */
  zones: Zone[];
  current: MonthConsumption[];
  previous: MonthConsumption[];
}

export function yearConsumption(
  meters: ConsumptionMeter[],
  readings: ConsumptionReading[],
  year: number,
  now: Date,
  timeZone = MOSCOW,
): YearConsumption {
  return {
    year,
    zones: [...new Set(meters.flatMap((m) => m.zones))].sort(),
    current: monthlyConsumption(meters, readings, year, now, timeZone),
    previous: monthlyConsumption(meters, readings, year - 1, now, timeZone),
  };
}

/** The chart as the contract answers it (`ConsumptionYear`). */
export const yearConsumptionView = ({ year, zones, current, previous }: YearConsumption) => ({
  year,
  zones,
  months: monthsToShow(current, zones),
  previousYear: monthsToShow(previous, zones),
});

/** The CSV's file name: «potreblenie-7700000001-2026.csv». */
export const consumptionFileName = (accountNumber: string, year: number) => `potreblenie-${accountNumber}-${year}.csv`;

export const ZONE_TITLES: Record<Zone, string> = { T1: "Т1", T2: "Т2", T3: "Т3" };

const kwhText = (milli: number | undefined | null) =>
  milli === undefined || milli === null
    ? ""
    : (milli / 1000)
        .toFixed(3)
        .replace(/\.?0+$/, "")
        .replace(".", ",");

/**
 * The same numbers as the chart, as CSV for a spreadsheet in Russian settings: `;` between
 * columns, a decimal comma, a UTF-8 BOM; a column per zone, the total, and last year's total.
 * Missing months are left empty, not zero.
 */
export function consumptionCsv({ year, zones, current, previous }: YearConsumption): string {
  const header = [
    "Месяц",
    ...zones.map((z) => `${ZONE_TITLES[z]}, кВт·ч`),
    "Всего, кВт·ч",
    `Всего за ${year - 1}, кВт·ч`,
  ];
  const rows = current.map((m, i) => [
    `${(MONTH_NAMES[i] ?? "").replace(/^./, (c) => c.toUpperCase())} ${year}`,
    ...zones.map((z) => (m.status === "ACTUAL" ? kwhText(m.zones[z] ?? 0) : "")),
    kwhText(m.total),
    kwhText(previous[i]?.total),
  ]);
  return csvText(header, rows);
}
