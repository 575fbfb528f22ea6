import { MOSCOW, monthOf } from "@lk/domain";

/** How many years back the «Год» list goes. */
export const YEARS_BACK = 3;

/** The supplier's calendar year of an instant: at 01:00 on 1 January in Moscow it is already the new year. */
export const moscowYear = (instant: Date) => Number(monthOf(instant, MOSCOW).slice(0, 4));

/** From `YEARS_BACK` years ago to the current year. */
export const selectableYears = (currentYear: number) =>
  Array.from({ length: YEARS_BACK + 1 }, (_, i) => currentYear - YEARS_BACK + i);
