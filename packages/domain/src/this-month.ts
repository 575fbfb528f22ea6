import { type ConsumptionMeter, type ConsumptionReading, monthClosedBy, monthlyConsumption } from "./consumption.ts";
import { formatMilli } from "./meter-values.ts";
import type { Zone } from "./reading-check.ts";
import { MOSCOW, monthOf, monthStart } from "./supplier-time.ts";

// «Этот месяц»: what the customer has used since the last bill and roughly what it costs, and a
// forecast for the month from their own pace (and the same month last year): a range, never one
// falsely precise number. From readings alone; the API and the mock load them and call this.

/**
 * How far either side of the estimates the forecast reaches: a month's use moves with the
 * weather and the days spent at home, so ±15 % around what the pace and last year say keeps the
 * range honest without making it useless.
 */
export const FORECAST_SPREAD = 0.15;
/** A pace measured over less than this many days says too little to forecast a month from. */
export const MIN_PACE_DAYS = 3;
const DAY_MS = 86_400_000;

export type ForecastBasis = "OWN_PACE" | "LAST_YEAR";

export interface ThisMonthEstimate {
  /** The current month in the supplier's zone, `YYYY-MM`. */
  month: string;
  /**
   * Use between the readings the last bill was made from and the latest ones, thousandths of a
   * kWh, and its cost at today's rates; null without a reading since the bill.
   */
  sinceBill: { from: Date; to: Date; milli: number; costKopecks: number } | null;
  /** The month's likely use and cost, low to high; null when neither basis is known. */
  forecast: {
    lowMilli: number;
    highMilli: number;
    lowKopecks: number;
    highKopecks: number;
    basedOn: ForecastBasis[];
  } | null;
}

interface Rate {
  zone: Zone | string;
  rateKopecks: number;
}

const daysIn = (month: string, timeZone: string) =>
  Math.round((monthStart(month, timeZone, 1).getTime() - monthStart(month, timeZone).getTime()) / DAY_MS);

export function thisMonthEstimate(input: {
  meters: ConsumptionMeter[];
  /** Each meter's actual readings from at least the one the last bill closed with and last year's month. */
  readings: ConsumptionReading[];
  /** The period of the account's latest bill, `YYYY-MM`; null when it has none. */
  lastBilledMonth: string | null;
  /** Today's rate per zone of the account's plan. */
  rates: readonly Rate[];
  now: Date;
  timeZone?: string;
}): ThisMonthEstimate {
  const { meters, readings, lastBilledMonth, rates, now, timeZone = MOSCOW } = input;
  const month = monthOf(now, timeZone);
  const rateOf = (zone: Zone) => rates.find((r) => r.zone === zone)?.rateKopecks ?? 0;

  let milli = 0;
  let costMilliKopecks = 0;
  let from: Date | null = null;
  let to: Date | null = null;
  for (const meter of meters) {
    const own = readings
      .filter((r) => r.meterId === meter.id && r.takenAt <= now)
      .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
    const billed = lastBilledMonth
      ? own.filter((r) => monthClosedBy(r.takenAt, timeZone) <= lastBilledMonth).at(-1)
      : undefined;
    const latest = own.at(-1);
    if (!billed || !latest || latest === billed) continue;
    const capacity = 10 ** meter.digitCapacity * 1000;
    for (const zone of meter.zones) {
      const a = billed.values[zone];
      const b = latest.values[zone];
      if (a === undefined || b === undefined) continue;
      const used = b >= a ? b - a : capacity - a + b;
      milli += used;
      costMilliKopecks += used * rateOf(zone);
    }
    if (!from || billed.takenAt < from) from = billed.takenAt;
    if (!to || latest.takenAt > to) to = latest.takenAt;
  }
  const sinceBill = from && to ? { from, to, milli, costMilliKopecks } : null;

  const estimates: { basis: ForecastBasis; milli: number }[] = [];
  const paceDays = sinceBill ? (sinceBill.to.getTime() - sinceBill.from.getTime()) / DAY_MS : 0;
  if (sinceBill && paceDays >= MIN_PACE_DAYS) {
    estimates.push({ basis: "OWN_PACE", milli: (sinceBill.milli / paceDays) * daysIn(month, timeZone) });
  }
  const year = Number(month.slice(0, 4));
  const lastYear = monthlyConsumption(meters, readings, year - 1, now, timeZone)[Number(month.slice(5)) - 1];
  if (lastYear?.status === "ACTUAL" && lastYear.total !== null) {
    estimates.push({ basis: "LAST_YEAR", milli: lastYear.total });
  }

  // A kWh costs what the customer's own mix of zones made it cost since the bill; without it, the
  // plain average of the zones' rates.
  const zoneRates = [...new Set(meters.flatMap((m) => m.zones))].map(rateOf);
  const pricePerKwh =
    sinceBill && sinceBill.milli > 0
      ? sinceBill.costMilliKopecks / sinceBill.milli
      : zoneRates.reduce((s, r) => s + r, 0) / Math.max(1, zoneRates.length);
  const kopecks = (m: number) => Math.round((m * pricePerKwh) / 1000);

  let forecast: ThisMonthEstimate["forecast"] = null;
  if (estimates.length) {
    const values = estimates.map((e) => e.milli);
    const lowMilli = Math.round(Math.min(...values) * (1 - FORECAST_SPREAD));
    const highMilli = Math.round(Math.max(...values) * (1 + FORECAST_SPREAD));
    forecast = {
      lowMilli,
      highMilli,
      lowKopecks: kopecks(lowMilli),
      highKopecks: kopecks(highMilli),
      basedOn: estimates.map((e) => e.basis),
    };
  }
  return {
    month,
    sinceBill: sinceBill && {
      from: sinceBill.from,
      to: sinceBill.to,
      milli: sinceBill.milli,
      costKopecks: Math.round(sinceBill.costMilliKopecks / 1000),
    },
    forecast,
  };
}

/** «Этот месяц» as the contract's `ThisMonth` answers it: kWh as text to three decimals, instants as ISO. */
export function thisMonthView(input: Parameters<typeof thisMonthEstimate>[0]) {
  const estimate = thisMonthEstimate(input);
  const { sinceBill, forecast } = estimate;
  return {
    month: estimate.month,
    sinceBill: sinceBill && {
      from: sinceBill.from.toISOString(),
      to: sinceBill.to.toISOString(),
      kwh: formatMilli(sinceBill.milli, 3),
      costKopecks: sinceBill.costKopecks,
    },
    forecast: forecast && {
      lowKwh: formatMilli(forecast.lowMilli, 3),
      highKwh: formatMilli(forecast.highMilli, 3),
      lowKopecks: forecast.lowKopecks,
      highKopecks: forecast.highKopecks,
      basedOn: forecast.basedOn,
    },
  };
}
