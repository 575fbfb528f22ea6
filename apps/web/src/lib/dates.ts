import { MONTH_NAMES } from "@lk/domain";

/** `2026-10-10` → «10.10.2026». A calendar date has no time zone, so none is applied. */
export function formatIsoDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-");
  return `${day}.${month}.${year}`;
}

/**
 * Moscow's offset from UTC: three hours all year since 26 October 2014 (no summer time). The
 * customer-facing dates below are written with it rather than with `Intl.DateTimeFormat` and the
 * Europe/Moscow zone, whose first use loads ICU's locale and zone data: 40–50 ms on a mid-range
 * phone before the account page can be drawn (docs/performance.md). A test holds both together
 * over the years the portal shows; the rules (reading windows, billing months) keep using the
 * time zone itself, through @lk/domain.
 */
const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const two = (n: number) => String(n).padStart(2, "0");
const moscowClock = (instant: string | Date) =>
  new Date((typeof instant === "string" ? Date.parse(instant) : instant.getTime()) + MOSCOW_OFFSET_MS);

/** An instant as the supplier's calendar day: a reading taken at 01:00 Moscow time is that day's. */
export function formatMoscowDate(instant: string | Date): string {
  const local = moscowClock(instant);
  return `${two(local.getUTCDate())}.${two(local.getUTCMonth() + 1)}.${local.getUTCFullYear()}`;
}

/** An instant as the time of day in Moscow: «14:35», or «14:35:07» with `seconds`. */
export function formatMoscowTime(instant: string | Date, { seconds = false } = {}): string {
  const local = moscowClock(instant);
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  return seconds ? `${time}:${two(local.getUTCSeconds())}` : time;
}

/** An instant as the supplier's clock shows it: «25.11.2026, 14:05», or «…, 14:05:07» with `seconds`. */
export const formatDateTime = (instant: string | Date, options: { seconds?: boolean } = {}): string =>
  `${formatMoscowDate(instant)}, ${formatMoscowTime(instant, options)}`;

/** `2026-10` → «октябрь 2026», as the bill names its period. */
export function formatBillPeriod(period: string): string {
  const [year, month] = period.split("-");
  return `${MONTH_NAMES[Number(month) - 1] ?? month} ${year}`;
}
