import { describe, expect, it } from "vitest";
import { moscowToday, periodBack } from "./period.ts";

describe("periods of the history, in Moscow days", () => {
  it("takes today's date in Moscow, whatever the device's zone (tests run in Los Angeles)", () => {
    expect(moscowToday(new Date("2026-11-30T21:30:00Z"))).toBe("2026-12-01");
    expect(moscowToday(new Date("2026-11-30T20:59:00Z"))).toBe("2026-11-30");
  });

  it.each([
    [0, "2026-11-25", "2026-11-01"],
    [3, "2026-11-25", "2026-08-01"],
    [12, "2026-11-25", "2025-11-01"],
    [3, "2027-01-31", "2026-10-01"],
    [12, "2026-03-01", "2025-03-01"],
  ])("%i months back from %s start on %s", (months, today, from) => {
    expect(periodBack(months, today)).toEqual({ from, to: today });
  });
});
