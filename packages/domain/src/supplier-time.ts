import { TZDate } from "@date-fns/tz";

/** The supplier's default time zone: customer-facing dates are computed here, not on the server's. */
export const MOSCOW = "Europe/Moscow";

/**
 * Zones whose offset from UTC has not changed since an instant: Moscow has been UTC+3 all year
 * since 26 October 2014 (02:00 local became 01:00). For those, after that instant, the supplier's
 * calendar is UTC arithmetic; otherwise (another zone, an earlier instant) @date-fns/tz asks Intl.
 * The fast path is not a nicety: the first Intl time-zone format in a browser loads ICU's zone
 * data, 67 ms in a 4x-throttled trace of the account page, in the middle of drawing it
 * (docs/performance.md). A test holds the two paths together, instant by instant.
 */
const FIXED_OFFSETS: Readonly<Record<string, { offsetMs: number; since: number }>> = {
  [MOSCOW]: { offsetMs: 3 * 3_600_000, since: Date.UTC(2014, 9, 25, 22) },
};

/** The calendar fields of an instant in a zone (month 0–11), for rules written by the supplier's calendar. */
export function supplierCalendar(instant: Date, timeZone = MOSCOW): { year: number; month: number; day: number } {
  const fixed = FIXED_OFFSETS[timeZone];
  if (fixed && instant.getTime() >= fixed.since) {
    const shifted = new Date(instant.getTime() + fixed.offsetMs);
    return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth(), day: shifted.getUTCDate() };
  }
  const local = new TZDate(instant.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth(), day: local.getDate() };
}

/** A calendar day as `YYYY-MM-DD` (month 0–11, as supplierCalendar gives it). */
export const calendarDate = (year: number, month: number, day: number): string =>
  `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** The instant a local calendar day (month 0–11, overflowing into the next years) begins in a zone. */
function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const fixed = FIXED_OFFSETS[timeZone];
  if (fixed) {
    const instant = Date.UTC(year, month, day) - fixed.offsetMs;
    if (instant >= fixed.since) return new Date(instant);
  }
  return new Date(new TZDate(year, month, day, timeZone).getTime());
}

/** The calendar month (`YYYY-MM`) that an instant falls in, in the given time zone. */
export function monthOf(instant: Date, timeZone = MOSCOW): string {
  const { year, month } = supplierCalendar(instant, timeZone);
  return `${year}-${String(month + 1).padStart(2, "0")}`;
}

/** The instant a month (`YYYY-MM`) starts in the given time zone, `offset` months later. */
export function monthStart(month: string, timeZone = MOSCOW, offset = 0): Date {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + mon - 1 + offset;
  return localMidnight(Math.floor(index / 12), index % 12, 1, timeZone);
}

/** Day of month, 1–31, of an instant in the given time zone. */
export function dayOfMonth(instant: Date, timeZone = MOSCOW): number {
  return supplierCalendar(instant, timeZone).day;
}

/** «26.11.2026 10:15 (мск)» for messages about a supplier's deadlines. */
export function formatMoscowDateTime(instant: Date): string {
  const text = new Intl.DateTimeFormat("ru-RU", {
    timeZone: MOSCOW,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(instant);
  return `${text.replace(",", "")} (мск)`;
}

/** The instant a calendar day (`YYYY-MM-DD`) begins in the given time zone. */
export function dayStart(isoDate: string, timeZone = MOSCOW): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return localMidnight(y, m - 1, d, timeZone);
}

/** Month names as Russian bills write them: «октябрь». */
export const MONTH_NAMES = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
] as const;

/** `2026-10` → «октябрь 2026». */
export function monthTitle(period: string): string {
  return `${MONTH_NAMES[Number(period.slice(5, 7)) - 1] ?? period.slice(5, 7)} ${period.slice(0, 4)}`;
}

/** Whole calendar months from one instant to another, by the supplier's calendar (Jan 31 → Feb 1 is 1). */
export function monthsBetween(from: Date, to: Date, timeZone = MOSCOW): number {
  const [fy, fm] = monthOf(from, timeZone).split("-").map(Number) as [number, number];
  const [ty, tm] = monthOf(to, timeZone).split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}
