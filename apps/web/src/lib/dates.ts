import { MONTH_NAMES, MOSCOW } from "@lk/domain";

/** `2026-10-10` → «10.10.2026». A calendar date has no time zone, so none is applied. */
export function formatIsoDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-");
  return `${day}.${month}.${year}`;
}

const moscowDay = new Intl.DateTimeFormat("ru-RU", {
  timeZone: MOSCOW,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** An instant as the supplier's calendar day: a reading taken at 01:00 Moscow time is that day's. */
export function formatMoscowDate(instant: string | Date): string {
  return moscowDay.format(typeof instant === "string" ? new Date(instant) : instant);
}

const moscowTime = new Intl.DateTimeFormat("ru-RU", { timeZone: MOSCOW, hour: "2-digit", minute: "2-digit" });

/** An instant as the time of day in Moscow: «14:35». */
export function formatMoscowTime(instant: string | Date): string {
  return moscowTime.format(typeof instant === "string" ? new Date(instant) : instant);
}

/** `2026-10` → «октябрь 2026», as the bill names its period. */
export function formatBillPeriod(period: string): string {
  const [year, month] = period.split("-");
  return `${MONTH_NAMES[Number(month) - 1] ?? month} ${year}`;
}
