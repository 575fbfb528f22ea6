import { describe, expect, it, vi } from "vitest";
import { MOCK_DATE_SET_AT_KEY, MOCK_DATE_STORAGE_KEY, readMockDate, readMockOffset } from "./mock-clock.ts";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("the mock's date", () => {
  it("is the real one unless a developer sets it", () => {
    expect(readMockDate("", memoryStorage())).toBeNull();
  });

  it("comes from ?mockDate= and is remembered for the next reload", () => {
    const storage = memoryStorage();
    const date = readMockDate("?mockDate=2026-11-27T00:00:00%2B03:00", storage);
    expect(date?.toISOString()).toBe("2026-11-26T21:00:00.000Z");
    expect(readMockDate("", storage)?.toISOString()).toBe("2026-11-26T21:00:00.000Z");
  });

  it("comes from localStorage when the URL says nothing; the URL wins when both do", () => {
    const storage = memoryStorage({ [MOCK_DATE_STORAGE_KEY]: "2026-11-14T23:59:00+03:00" });
    expect(readMockDate("", storage)?.toISOString()).toBe("2026-11-14T20:59:00.000Z");
    expect(readMockDate("?mockDate=2026-11-20T12:00:00Z", storage)?.toISOString()).toBe("2026-11-20T12:00:00.000Z");
  });

  it("goes back to the real date with ?mockDate=now, and ignores what is not a date", () => {
    const storage = memoryStorage({ [MOCK_DATE_STORAGE_KEY]: "2026-11-14T23:59:00+03:00" });
    expect(readMockDate("?mockDate=now", storage)).toBeNull();
    expect(storage.items.has(MOCK_DATE_STORAGE_KEY)).toBe(false);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(readMockDate("?mockDate=завтра", storage)).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(storage.items.has(MOCK_DATE_STORAGE_KEY)).toBe(false);
  });

  it("runs on from when it was set, across reloads and tabs, instead of starting again", () => {
    const storage = memoryStorage();
    const setAt = Date.parse("2026-12-03T10:00:00Z");
    const date = Date.parse("2026-11-20T09:00:00Z");
    const offset = readMockOffset("?mockDate=2026-11-20T12:00:00%2B03:00", storage, setAt);
    expect(setAt + offset).toBe(date);
    // A reload (or a second tab) a minute later: a minute after the date, not the date again.
    const later = setAt + 60_000;
    expect(later + readMockOffset("", storage, later)).toBe(date + 60_000);
  });

  it("starts from now when the date is given in the URL again or put anew in localStorage", () => {
    const storage = memoryStorage();
    const first = Date.parse("2026-12-03T10:00:00Z");
    readMockOffset("?mockDate=2026-11-20T12:00:00%2B03:00", storage, first);
    const later = first + 60_000;
    expect(later + readMockOffset("?mockDate=2026-11-20T12:00:00%2B03:00", storage, later)).toBe(
      Date.parse("2026-11-20T09:00:00Z"),
    );
    storage.setItem(MOCK_DATE_STORAGE_KEY, "2026-11-27T00:00:00+03:00");
    const then = later + 60_000;
    expect(then + readMockOffset("", storage, then)).toBe(Date.parse("2026-11-26T21:00:00Z"));
    expect(readMockOffset("?mockDate=now", storage, then)).toBe(0);
    expect(storage.items.has(MOCK_DATE_SET_AT_KEY)).toBe(false);
  });
});
