import { describe, expect, it } from "vitest";
import { dayOfMonth, formatMoscowDateTime, monthOf, monthStart } from "./supplier-time.ts";

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
