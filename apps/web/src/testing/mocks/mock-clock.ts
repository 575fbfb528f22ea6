/**
 * The mock's clock, one place to move it: tests replace `mockClock.now` (a day ahead to see a
 * lock lift, the 27th to see the reading window closed).
 *
 * Frontend developers set the mock's date in the browser, to see both states of the reading window:
 * - open the app with `?mockDate=2026-11-27T00:00:00%2B03:00` (an ISO 8601 instant; `%2B` is «+»), or
 * - run `localStorage.setItem("lk-mock-date", "2026-11-27T00:00:00+03:00")` in the console and reload.
 * The URL's date is remembered in localStorage, so it survives navigation and reloads; open the app
 * with `?mockDate=now` to go back to the real date. The date is read once, when the mock starts
 * (the generated world of readings and bills is built up to it), and the clock runs on from it.
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

function startingOffset(): number {
  if (typeof window === "undefined") return 0;
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage blocked: only the URL counts.
  }
  const date = readMockDate(window.location.search, storage);
  return date ? date.getTime() - Date.now() : 0;
}

// Read once: the world is generated up to this date, and moving it under a running app would not be honest.
const offset = startingOffset();

export const mockClock = {
  now: (): Date => new Date(Date.now() + offset),
  /** Whether a developer moved the date (the mock says so in the console). */
  moved: offset !== 0,
};
