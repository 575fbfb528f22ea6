import type { TariffComparison as TariffComparisonView } from "@lk/contract/consumption";
import { type ConsumptionMeter, type ConsumptionReading, monthlyConsumption } from "./consumption.ts";
import { formatMilli } from "./meter-values.ts";
import type { Zone } from "./reading-check.ts";
import { MOSCOW, monthOf, monthStart } from "./supplier-time.ts";
import { PLAN_ZONES, rateOfMonth, TARIFF_PLANS, type TariffPlan, type TariffRate } from "./tariffs.ts";

// «Какой тариф выгоднее»: what the account's last twelve months of actual readings would have
// cost on each tariff plan its supplier offers, at the rates in force each month. Exact where the
// meters measure the zones a plan bills; an estimate, with its assumption stated, where they do
// not. The API and the mock load the readings and the tariffs and call `tariffComparison`.

/**
 * The assumptions behind an estimate, used only where a meter does not measure the zones:
 * - the night (23:00–7:00) takes a quarter of a household's use: eight hours of fridge, boiler
 *   and standby, little light or cooking (Mosenergosbyt's two-zone customers average 25–30 %);
 * - of the day's use, the peak hours (7–10 and 17–21, seven of the sixteen) take 40 %: mornings
 *   and evenings are when people are at home.
 * Shown beside every estimated figure, never hidden in it.
 */
export const TYPICAL_NIGHT_SHARE = 0.25;
export const TYPICAL_PEAK_SHARE_OF_DAY = 0.4;
/** Fewer months than this compare seasons, not tariffs: the block says there is too little to go on. */
export const MIN_COMPARISON_MONTHS = 3;
/** How far back the comparison looks: the twelve whole months before the current one. */
export const COMPARISON_MONTHS = 12;

export interface PlanCost {
  plan: TariffPlan;
  /** Per zone the plan bills: the use, thousandths of a kWh, and its cost. */
  zones: { zone: Zone; milli: number; costKopecks: number }[];
  costKopecks: number;
  /** Cost minus the current plan's over the same months: negative is a saving. */
  differenceKopecks: number;
  /** Measured zone by zone; false when an assumed share stands in for a zone the meters do not measure. */
  exact: boolean;
  /** The plan bills more zones than some meter of the account measures: it needs a multi-zone meter. */
  meterReplacement: boolean;
}

export interface TariffComparison {
  /** The first and last month counted, `YYYY-MM`; null when none is. */
  from: string | null;
  to: string | null;
  /** Months of the window that actual readings close. */
  monthsCounted: number;
  currentPlan: TariffPlan;
  /** The plans the supplier offered in every month counted, cheapest first; empty with too few months. */
  plans: PlanCost[];
  /** The cheapest plan, when it saves anything against the current one. */
  better: TariffPlan | null;
  /** The shares assumed, when some plan's figure is an estimate. */
  assumption: { nightShare: number; peakShareOfDay: number } | null;
}

/** Use by the hours a plan bills, thousandths of a kWh. */
interface DayParts {
  peak: number;
  halfPeak: number;
  night: number;
}

/**
 * A meter's month split by hours: a three-zone meter measures each part (T1 peak, T2 night, T3
 * half-peak), a two-zone one the day (T1) and the night (T2), a single-zone one only the total;
 * what it does not measure is split by the typical shares.
 */
function dayParts(zones: Zone[], used: Partial<Record<Zone, number>>): DayParts {
  const t1 = used.T1 ?? 0;
  const t2 = used.T2 ?? 0;
  if (zones.length >= 3) return { peak: t1, night: t2, halfPeak: used.T3 ?? 0 };
  const night = zones.length === 2 ? t2 : Math.round(t1 * TYPICAL_NIGHT_SHARE);
  const day = zones.length === 2 ? t1 : t1 - night;
  const peak = Math.round(day * TYPICAL_PEAK_SHARE_OF_DAY);
  return { peak, halfPeak: day - peak, night };
}

/** What a plan bills in each of its zones, from the parts of the day. */
function planUse(plan: TariffPlan, parts: DayParts): Partial<Record<Zone, number>> {
  if (plan === "SINGLE") return { T1: parts.peak + parts.halfPeak + parts.night };
  if (plan === "TWO_ZONE") return { T1: parts.peak + parts.halfPeak, T2: parts.night };
  return { T1: parts.peak, T2: parts.night, T3: parts.halfPeak };
}

/** Whether a plan bills more zones than some meter measures: switching to it needs a multi-zone meter. */
export const meterReplacementNeeded = (plan: TariffPlan, meters: readonly { zones: readonly Zone[] }[]): boolean =>
  meters.some((meter) => meter.zones.length < PLAN_ZONES[plan].length);

/** The twelve whole months before `now`'s, oldest first (`YYYY-MM`). */
export function comparisonMonths(now: Date, timeZone = MOSCOW): string[] {
  const current = monthOf(now, timeZone);
  return Array.from({ length: COMPARISON_MONTHS }, (_, i) =>
    monthOf(monthStart(current, timeZone, i - COMPARISON_MONTHS), timeZone),
  );
}

/** The instant the window's readings start after: the first month's start (a reading then closes the month before). */
export const comparisonFrom = (now: Date, timeZone = MOSCOW): Date =>
  monthStart(monthOf(now, timeZone), timeZone, -COMPARISON_MONTHS);

/**
 * The comparison. `readings` are the meters' actual readings (no estimated ones) of the window
 * and each meter's last one before it; `rates` the supplier's tariffs of every plan. Each month
 * is costed as a bill is: per zone, use × the rate of the month's first day, rounded to kopecks.
 */
export function tariffComparison(input: {
  meters: ConsumptionMeter[];
  readings: ConsumptionReading[];
  rates: readonly TariffRate[];
  currentPlan: TariffPlan;
  now: Date;
  timeZone?: string;
}): TariffComparison {
  const { meters, readings, rates, currentPlan, now, timeZone = MOSCOW } = input;
  const window = comparisonMonths(now, timeZone);
  const years = [...new Set(window.map((m) => Number(m.slice(0, 4))))];
  // Per month, the use by parts of the day, summed over the meters (each split by what it measures).
  const byMonth = new Map<string, DayParts>();
  let estimatedSplit = false;
  for (const meter of meters) {
    const months = years.flatMap((year) => monthlyConsumption([meter], readings, year, now, timeZone));
    for (const month of months) {
      if (month.status !== "ACTUAL" || !window.includes(month.month)) continue;
      const parts = dayParts(meter.zones, month.zones);
      const sum = byMonth.get(month.month) ?? { peak: 0, halfPeak: 0, night: 0 };
      byMonth.set(month.month, {
        peak: sum.peak + parts.peak,
        halfPeak: sum.halfPeak + parts.halfPeak,
        night: sum.night + parts.night,
      });
    }
  }
  const counted = window.filter((m) => byMonth.has(m));
  const base = {
    from: counted[0] ?? null,
    to: counted.at(-1) ?? null,
    monthsCounted: counted.length,
    currentPlan,
  };
  if (counted.length < MIN_COMPARISON_MONTHS || meters.length === 0) {
    return { ...base, plans: [], better: null, assumption: null };
  }

  const costed: Omit<PlanCost, "differenceKopecks">[] = [];
  for (const plan of TARIFF_PLANS) {
    const zones = PLAN_ZONES[plan].map((zone) => ({ zone, milli: 0, costKopecks: 0 }));
    let offered = true;
    for (const month of counted) {
      const use = planUse(plan, byMonth.get(month) as DayParts);
      for (const line of zones) {
        const rate = rateOfMonth(rates, plan, line.zone, month);
        if (rate === null) offered = false;
        const milli = use[line.zone] ?? 0;
        line.milli += milli;
        line.costKopecks += Math.round((milli * (rate ?? 0)) / 1000);
      }
    }
    if (!offered) continue;
    const meterReplacement = meterReplacementNeeded(plan, meters);
    const exact = plan === "SINGLE" || !meterReplacement;
    if (!exact) estimatedSplit = true;
    costed.push({
      plan,
      zones,
      costKopecks: zones.reduce((sum, z) => sum + z.costKopecks, 0),
      exact,
      meterReplacement,
    });
  }
  const currentCost = costed.find((c) => c.plan === currentPlan)?.costKopecks ?? null;
  const plans = costed
    .map((c) => ({ ...c, differenceKopecks: currentCost === null ? 0 : c.costKopecks - currentCost }))
    .sort((a, b) => a.costKopecks - b.costKopecks);
  const cheapest = plans[0];
  return {
    ...base,
    plans,
    better: cheapest && cheapest.plan !== currentPlan && cheapest.differenceKopecks < 0 ? cheapest.plan : null,
    assumption: estimatedSplit ? { nightShare: TYPICAL_NIGHT_SHARE, peakShareOfDay: TYPICAL_PEAK_SHARE_OF_DAY } : null,
  };
}

/** The comparison as the contract answers it: kWh to three decimals. */
export function tariffComparisonView(input: Parameters<typeof tariffComparison>[0]): TariffComparisonView {
  const comparison = tariffComparison(input);
  return {
    ...comparison,
    plans: comparison.plans.map(({ zones, ...plan }) => ({
      ...plan,
      zones: zones.map(({ milli, ...zone }) => ({ ...zone, kwh: formatMilli(milli, 3) })),
    })),
  };
}
