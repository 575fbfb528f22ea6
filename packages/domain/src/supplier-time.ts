import { TZDate } from "@date-fns/tz";
import { addMonths, startOfMonth } from "date-fns";

/** The supplier's default time zone: customer-facing dates are computed here, not on the server's. */
export const MOSCOW = "Europe/Moscow";

/** The calendar month (`YYYY-MM`) that an instant falls in, in the given time zone. */
export function monthOf(instant: Date, timeZone = MOSCOW): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}`;
}

/** The instant a month (`YYYY-MM`) starts in the given time zone, `offset` months later. */
export function monthStart(month: string, timeZone = MOSCOW, offset = 0): Date {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const local = new TZDate(year, mon - 1, 1, timeZone);
  return new Date(addMonths(startOfMonth(local), offset).getTime());
}

/** Day of month, 1–31, of an instant in the given time zone. */
export function dayOfMonth(instant: Date, timeZone = MOSCOW): number {
  return new TZDate(instant.getTime(), timeZone).getDate();
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
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
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
