import { calendarDate, dayStart, MOSCOW, monthOf, supplierCalendar } from "./supplier-time.ts";

export interface WindowRule {
  /** First and last day of the month (inclusive) when readings are accepted. */
  startDay: number;
  endDay: number;
  timeZone: string;
}

export const DEFAULT_WINDOW: WindowRule = { startDay: 15, endDay: 26, timeZone: MOSCOW };

export interface ReadingWindow {
  open: boolean;
  /** The current window when open, otherwise the next one: `YYYY-MM-DD`, in the supplier's zone. */
  from: string;
  to: string;
  /** Days left including today, when open. */
  daysLeft: number | null;
}

/**
 * SPEC §5: readings are accepted from the 15th to the 26th inclusive, by the supplier's clock
 * (Europe/Moscow), whatever the server's time zone: 23:59 on the 26th in Moscow is open,
 * 00:00 on the 27th is closed.
 */
export function readingWindow(now: Date, rule: WindowRule = DEFAULT_WINDOW): ReadingWindow {
  const { year, month, day } = supplierCalendar(now, rule.timeZone);
  if (day >= rule.startDay && day <= rule.endDay) {
    return {
      open: true,
      from: calendarDate(year, month, rule.startDay),
      to: calendarDate(year, month, rule.endDay),
      daysLeft: rule.endDay - day + 1,
    };
  }
  const [y, m] = day < rule.startDay ? [year, month] : month === 11 ? [year + 1, 0] : [year, month + 1];
  return { open: false, from: calendarDate(y, m, rule.startDay), to: calendarDate(y, m, rule.endDay), daysLeft: null };
}

/**
 * This month's window opening, as an instant (the start of `startDay` in the supplier's zone):
 * readings taken before it are the "previous" reading a new one is checked against; a customer's
 * reading taken after it is this window's, which a second one replaces.
 */
export function windowOpening(now: Date, rule: WindowRule = DEFAULT_WINDOW): Date {
  return dayStart(`${monthOf(now, rule.timeZone)}-${String(rule.startDay).padStart(2, "0")}`, rule.timeZone);
}
