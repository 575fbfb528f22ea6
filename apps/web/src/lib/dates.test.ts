import { describe, expect, it } from "vitest";
import { formatBillPeriod, formatIsoDate, formatMoscowDate } from "./dates.ts";

describe("dates", () => {
  it("names a bill's period by its month", () => {
    expect(formatBillPeriod("2026-10")).toBe("октябрь 2026");
    expect(formatBillPeriod("2027-01")).toBe("январь 2027");
  });
  it("prints calendar dates as they are and instants as Moscow days", () => {
    expect(formatIsoDate("2026-11-10")).toBe("10.11.2026");
    expect(formatMoscowDate("2026-10-31T21:30:00Z")).toBe("01.11.2026");
  });
});
