import { describe, expect, it } from "vitest";
import { formatBillPeriod, formatDateTime, formatIsoDate, formatMoscowDate, formatMoscowTime } from "./dates.ts";

describe("dates", () => {
  it("names a bill's period by its month", () => {
    expect(formatBillPeriod("2026-10")).toBe("октябрь 2026");
    expect(formatBillPeriod("2027-01")).toBe("январь 2027");
  });
  it("prints calendar dates as they are and instants as Moscow days", () => {
    expect(formatIsoDate("2026-11-10")).toBe("10.11.2026");
    expect(formatMoscowDate("2026-10-31T21:30:00Z")).toBe("01.11.2026");
    expect(formatDateTime("2026-10-31T21:30:07Z", { seconds: true })).toBe("01.11.2026, 00:30:07");
  });

  it("writes Moscow days and times as Intl with the Europe/Moscow zone does, from 2015 to 2035", () => {
    const day = new Intl.DateTimeFormat("ru-RU", {
      timeZone: "Europe/Moscow",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    });
    const time = new Intl.DateTimeFormat("ru-RU", { timeZone: "Europe/Moscow", hour: "2-digit", minute: "2-digit" });
    const withSeconds = new Intl.DateTimeFormat("ru-RU", {
      timeZone: "Europe/Moscow",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    // Every 7 hours 13 minutes over twenty years: each hour of the day, each day of the month, both sides of midnight.
    for (let t = Date.UTC(2015, 0, 1, 0, 0, 7); t < Date.UTC(2035, 0, 1); t += 26_000_000) {
      const instant = new Date(t);
      expect(formatMoscowDate(instant), instant.toISOString()).toBe(day.format(instant));
      expect(formatMoscowTime(instant.toISOString()), instant.toISOString()).toBe(time.format(instant));
      expect(formatMoscowTime(instant, { seconds: true }), instant.toISOString()).toBe(withSeconds.format(instant));
    }
  });
});
