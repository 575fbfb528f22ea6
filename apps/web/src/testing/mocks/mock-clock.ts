/**
 * The mock's clock, one place to move it: tests replace `mockClock.now` (a day ahead to see a
 * lock lift, the 27th to see the reading window closed).
 *
 * Frontend developers set the mock's date in the browser, to see both states of the reading window:
 * - open the app with `?mockDate=2026-11-27T00:00:00%2B03:00` (an ISO 8601 instant; `%2B` is «+»), or
 * - run `localStorage.setItem("lk-mock-date", "2026-11-27T00:00:00+03:00")` in the console and reload.
 * The URL's date is remembered in localStorage, so it survives navigation and reloads; open the app
 * with `?mockDate=now` to go back to the real date. The date is read when the mock starts (the
 * generated world of readings and bills is built up to it), and the clock runs on from the moment
 * it was set: a reload or a second tab goes on from where the clock was, not from the date again.
 */
export const MOCK_DATE_PARAM = "mockDate";
export const MOCK_DATE_STORAGE_KEY = "lk-mock-date";

/** The instant the mock's clock starts from, from the page's URL or localStorage; null for the real date. */
export function readMockDate(search: string, storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null) {
  const fromUrl = new URLSearchParams(search).get(MOCK_DATE_PARAM);
  if (fromUrl !== null) {
    if (fromUrl === "" || fromUrl === "now") {
      storage?.removeItem(MOCK_DATE_STORAGE_KEY);
      return null;
    }
    const instant = parseInstant(fromUrl);
    if (instant) storage?.setItem(MOCK_DATE_STORAGE_KEY, fromUrl);
    return instant;
  }
  const stored = storage?.getItem(MOCK_DATE_STORAGE_KEY);
  return stored ? parseInstant(stored) : null;
}

function parseInstant(text: string): Date | null {
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    console.warn(`mock API: «${text}» is not a date; use e.g. 2026-11-27T00:00:00+03:00`);
    return null;
  }
  return new Date(time);
}

/** When the stored date was set, by the real clock: `{ date, at }` (the date as an ISO instant, `at` in ms). */
export const MOCK_DATE_SET_AT_KEY = "lk-mock-date-set-at";

/**
 * How far the mock's clock is from the real one. A date set once runs on from the real moment it
 * was set, across reloads and in every tab: without that each page load started the clock at the
 * date again, so a letter sent after a reload was older than one sent before it. A date given in
 * the URL, or a new one put in localStorage, starts from now.
 */
export function readMockOffset(
  search: string,
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null,
  realNow = Date.now(),
): number {
  const date = readMockDate(search, storage);
  if (!date) {
    storage?.removeItem(MOCK_DATE_SET_AT_KEY);
    return 0;
  }
  const fromUrl = new URLSearchParams(search).has(MOCK_DATE_PARAM);
  const setAt = parseSetAt(storage?.getItem(MOCK_DATE_SET_AT_KEY));
  if (!fromUrl && setAt?.date === date.toISOString()) return date.getTime() - setAt.at;
  storage?.setItem(MOCK_DATE_SET_AT_KEY, JSON.stringify({ date: date.toISOString(), at: realNow }));
  return date.getTime() - realNow;
}

function parseSetAt(text: string | null | undefined): { date: string; at: number } | null {
  try {
    const value = text ? JSON.parse(text) : null;
    return typeof value?.date === "string" && Number.isFinite(value?.at) ? value : null;
  } catch {
    return null;
  }
}

function startingOffset(): number {
  if (typeof window === "undefined") return 0;
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage blocked: only the URL counts.
  }
  return readMockOffset(window.location.search, storage);
}

// Read once: the world is generated up to this date, and moving it under a running app would not be honest.
const offset = startingOffset();

export const mockClock = {
  now: (): Date => new Date(Date.now() + offset),
  /** Whether a developer moved the date (the mock says so in the console). */
  moved: offset !== 0,
};
