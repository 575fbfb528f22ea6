/**
 * The journeys' calendar: this month's 20th and 27th, noon in Moscow. The real app runs with its
 * clock stopped at one of them (CLOCK_FIXED_AT), the mock with its date set (lk-mock-date).
 */
const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow", year: "numeric", month: "2-digit" }).format(
  new Date(),
);
export const OPEN_DAY = `${month}-20T12:00:00+03:00`;
export const CLOSED_DAY = `${month}-27T12:00:00+03:00`;
