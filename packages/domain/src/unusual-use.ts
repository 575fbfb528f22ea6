import type { Notice } from "@lk/contract/messages";
import { unusualUseMessage } from "@lk/contract/usage-notices";
import { monthTitle } from "./supplier-time.ts";

/**
 * «Необычный расход». A month's use is unusual when it is at least UNUSUAL_USE_FACTOR times what
 * the meter used in the same month last year (the fairest comparison: the same season, the same
 * heating and light), or, without last year's month, its usual month over the latest bills; and at
 * least UNUSUAL_USE_MIN_EXTRA_MILLI above it, so that a small flat's 20 kWh against 12 is not news.
 *
 * Why 1.5: the same month of two years differs by 10–30 % in an ordinary household (a warmer
 * winter, a holiday away); a half again more is beyond that, and is what a forgotten heater, a new
 * boiler or a fault in the wiring looks like. LARGE_JUMP_FACTOR (3×, reading-check.ts) is another
 * thing: a reading that probably was mistyped and must be confirmed before it is accepted.
 */
export const UNUSUAL_USE_FACTOR = 1.5;
export const UNUSUAL_USE_MIN_EXTRA_MILLI = 50_000;

export interface UnusualUse {
  /** The month the reading closes, `YYYY-MM`. */
  month: string;
  /** kWh per month, as shown: «450» or «312,5». */
  usedKwh: string;
  baselineKwh: string;
  basis: "LAST_YEAR" | "USUAL";
  /** What the customer is told, on the page and in the letter. */
  message: string;
}

const kwh = (milli: number) => new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 }).format(milli / 1000);

/**
 * Whether the month a customer's reading closes used unusually much. Never on estimates: when the
 * reading before it was estimated, the difference also holds what the estimates missed.
 */
export function unusualUse(input: {
  month: string;
  /** What the reading records since the previous one, all zones, thousandths of a kWh. */
  usedMilli: number;
  /** Months since the previous reading (at least 1): the use is compared per month. */
  months: number;
  previousSource: "CUSTOMER" | "ASKUE" | "INSPECTOR" | "ESTIMATED" | null;
  lastYearMilli: number | null;
  usualMilli: number | null;
}): UnusualUse | null {
  if (input.previousSource === null || input.previousSource === "ESTIMATED") return null;
  const used = input.usedMilli / Math.max(1, input.months);
  const basis = input.lastYearMilli !== null && input.lastYearMilli > 0 ? "LAST_YEAR" : "USUAL";
  const baseline = basis === "LAST_YEAR" ? input.lastYearMilli : input.usualMilli;
  if (baseline === null || baseline <= 0) return null;
  if (used < UNUSUAL_USE_FACTOR * baseline || used - baseline < UNUSUAL_USE_MIN_EXTRA_MILLI) return null;
  const ratio = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 }).format(used / baseline);
  const than =
    basis === "LAST_YEAR"
      ? `чем в тот же месяц прошлого года (${kwh(baseline)} кВт·ч)`
      : `чем обычно (около ${kwh(baseline)} кВт·ч в месяц)`;
  return {
    month: input.month,
    usedKwh: kwh(used),
    baselineKwh: kwh(baseline),
    basis,
    message:
      `Необычный расход: за ${monthTitle(input.month)} — ${kwh(used)} кВт·ч, в ${ratio} раза больше, ${than}. ` +
      "Проверьте, не появился ли новый мощный прибор (обогреватель, бойлер, тёплый пол) и не остался ли он включённым.",
  };
}

/** What a reading's consumption (readingCost's, per zone) adds up to, thousandths of a kWh. */
export const usedMilliOf = (consumption: readonly { kwh: string }[]): number =>
  consumption.reduce((sum, c) => sum + Math.round(Number(c.kwh) * 1000), 0);

/** The letter about it, once per meter, month and recipient (its dedupe key). */
export function unusualUseNotice(
  to: string,
  accountNumber: string,
  meterId: string,
  unusual: UnusualUse,
): Notice & { dedupeKey: string } {
  return {
    ...unusualUseMessage(to, accountNumber, unusual.message),
    dedupeKey: `unusual-use:${meterId}:${unusual.month}:${to}`,
  };
}
