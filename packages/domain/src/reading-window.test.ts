import { describe, expect, it } from "vitest";
import { readingWindow } from "./reading-window.ts";

// The test run sets TZ far from Moscow (see vitest.config.ts): the answers must not move.
describe("the reading window, Moscow time", () => {
  it.each([
    ["2026-11-14T20:59:59Z", false, "2026-11-15", "2026-11-26", null], // 23:59:59 on the 14th
    ["2026-11-14T21:00:00Z", true, "2026-11-15", "2026-11-26", 12], // 00:00 on the 15th
    ["2026-11-20T09:00:00Z", true, "2026-11-15", "2026-11-26", 7],
    ["2026-11-26T20:59:00Z", true, "2026-11-15", "2026-11-26", 1], // 23:59 on the 26th
    ["2026-11-26T21:00:00Z", false, "2026-12-15", "2026-12-26", null], // 00:00 on the 27th
    ["2026-12-31T12:00:00Z", false, "2027-01-15", "2027-01-26", null],
    ["2026-12-01T00:00:00Z", false, "2026-12-15", "2026-12-26", null],
  ])("at %s it is %s (%s–%s, %s days left)", (now, open, from, to, daysLeft) => {
    expect(readingWindow(new Date(now))).toEqual({ open, from, to, daysLeft });
  });

  it("follows a supplier's own days", () => {
    expect(
      readingWindow(new Date("2026-11-20T09:00:00Z"), { startDay: 20, endDay: 25, timeZone: "Europe/Moscow" }).daysLeft,
    ).toBe(6);
  });
});
