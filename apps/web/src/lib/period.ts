import { dayOfMonth, MOSCOW, monthOf, monthStart } from "@lk/domain";

/** A period of the history («С» – «По»): `YYYY-MM-DD`, Moscow calendar days, both inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** Today as the supplier's calendar day, `YYYY-MM-DD`: the history is kept in Moscow days. */
export function moscowToday(now: Date): string {
  return `${monthOf(now, MOSCOW)}-${String(dayOfMonth(now, MOSCOW)).padStart(2, "0")}`;
}

/** From the first day of the month `months` before today's, to today. */
export function periodBack(months: number, today: string): Period {
  const month = monthOf(monthStart(today.slice(0, 7), MOSCOW, -months), MOSCOW);
  return { from: `${month}-01`, to: today };
}

/** The quick choices beside the dates; «Год» is also the period shown first. */
export const QUICK_PERIODS = [
  { label: "Этот месяц", months: 0 },
  { label: "3 месяца", months: 3 },
  { label: "Год", months: 12 },
] as const;

export const DEFAULT_PERIOD_MONTHS = 12;
