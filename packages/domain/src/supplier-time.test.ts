import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { dayOfMonth, dayStart, formatMoscowDateTime, monthOf, monthStart } from "./supplier-time.ts";

describe("supplier time (Europe/Moscow, UTC+3)", () => {
  it("a UTC instant late on the 31st is already the next month in Moscow", () => {
    expect(monthOf(new Date("2026-10-31T21:30:00Z"))).toBe("2026-11");
    expect(monthOf(new Date("2026-10-31T20:59:59Z"))).toBe("2026-10");
  });
  it("a month starts at Moscow midnight", () => {
    expect(monthStart("2026-11").toISOString()).toBe("2026-10-31T21:00:00.000Z");
    expect(monthStart("2026-11", undefined, -6).toISOString()).toBe("2026-04-30T21:00:00.000Z");
    expect(monthStart("2026-01", undefined, -1).toISOString()).toBe("2025-11-30T21:00:00.000Z");
  });
  it("days are Moscow days", () => {
    expect(dayOfMonth(new Date("2026-11-26T20:59:00Z"))).toBe(26);
    expect(dayOfMonth(new Date("2026-11-26T21:00:00Z"))).toBe(27);
  });
  it("formats a deadline with the zone named", () => {
    expect(formatMoscowDateTime(new Date("2026-11-26T07:15:00Z"))).toBe("26.11.2026 10:15 (мск)");
  });
});

describe("Moscow's calendar by UTC+3 arithmetic agrees with the time-zone database", () => {
  // The reference: @date-fns/tz, which asks Intl (the slow path every other zone takes).
  const zoned = (instant: Date) => new TZDate(instant.getTime(), "Europe/Moscow");
  it("month and day of every instant, stepping 5 h 17 min from 2010 (UTC+4 and summer time) to 2040", () => {
    for (let t = Date.UTC(2010, 0, 1); t < Date.UTC(2040, 0, 1); t += 19_020_000) {
      const instant = new Date(t);
      const local = zoned(instant);
      const month = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}`;
      expect(monthOf(instant), instant.toISOString()).toBe(month);
      expect(dayOfMonth(instant), instant.toISOString()).toBe(local.getDate());
    }
  });
  it("the start of every month and day, before and after the change of 26 October 2014", () => {
    for (let year = 2010; year < 2040; year++) {
      for (let month = 0; month < 12; month++) {
        const expected = new Date(new TZDate(year, month, 1, "Europe/Moscow").getTime());
        const text = `${year}-${String(month + 1).padStart(2, "0")}`;
        expect(monthStart(text), text).toEqual(expected);
        expect(dayStart(`${text}-15`), text).toEqual(new Date(new TZDate(year, month, 15, "Europe/Moscow").getTime()));
      }
    }
    expect(monthStart("2014-11").toISOString()).toBe("2014-10-31T21:00:00.000Z");
    expect(dayStart("2014-10-26").toISOString()).toBe("2014-10-25T20:00:00.000Z"); // still UTC+4 at midnight
  });
  it("other zones take the time-zone database", () => {
    expect(monthOf(new Date("2026-03-31T23:30:00Z"), "Europe/Berlin")).toBe("2026-04");
    expect(monthStart("2026-04", "Europe/Berlin").toISOString()).toBe("2026-03-31T22:00:00.000Z");
  });
});
