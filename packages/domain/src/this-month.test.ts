import { describe, expect, it } from "vitest";
import type { ConsumptionReading } from "./consumption.ts";
import { FORECAST_SPREAD, thisMonthEstimate } from "./this-month.ts";

const meter = { id: "m", zones: ["T1", "T2"] as ("T1" | "T2")[], digitCapacity: 5 };
const rates = [
  { zone: "T1", rateKopecks: 800 },
  { zone: "T2", rateKopecks: 300 },
];
const at = (iso: string) => new Date(iso);
const reading = (iso: string, t1: number, t2: number): ConsumptionReading => ({
  meterId: "m",
  takenAt: at(iso),
  values: { T1: t1 * 1000, T2: t2 * 1000 },
});
// Moscow is UTC+3: 21:00Z on the last day of a month is 00:00 on the 1st.
const readings = [
  reading("2025-10-20T09:00:00Z", 1000, 500),
  reading("2025-11-20T09:00:00Z", 1200, 560), // closes November 2025: 200 + 60 = 260 kWh
  reading("2026-10-20T09:00:00Z", 5000, 2000), // closes October 2026: the last bill's
  reading("2026-11-19T09:00:00Z", 5240, 2060), // 30 days later: 240 + 60 = 300 kWh
];
const now = at("2026-11-20T09:00:00Z");

describe("thisMonthEstimate", () => {
  it("counts the use since the bill's readings and forecasts the month from the pace and last year", () => {
    const estimate = thisMonthEstimate({ meters: [meter], readings, lastBilledMonth: "2026-10", rates, now });
    expect(estimate.month).toBe("2026-11");
    // 240 kWh × 8 ₽ + 60 kWh × 3 ₽ = 2 100 ₽.
    expect(estimate.sinceBill).toEqual({
      from: at("2026-10-20T09:00:00Z"),
      to: at("2026-11-19T09:00:00Z"),
      milli: 300_000,
      costKopecks: 210_000,
    });
    // Pace: 300 kWh in 30 days → 300 in November's 30 days; last November: 260 kWh.
    // Range: 260 × 0.85 = 221 to 300 × 1.15 = 345 kWh, at 2 100 ₽ / 300 kWh = 7 ₽ a kWh.
    expect(estimate.forecast).toEqual({
      lowMilli: 221_000,
      highMilli: 345_000,
      lowKopecks: 154_700,
      highKopecks: 241_500,
      basedOn: ["OWN_PACE", "LAST_YEAR"],
    });
    expect(FORECAST_SPREAD).toBe(0.15);
  });

  it("without a reading since the bill: no use to show, the forecast from last year alone at the average rate", () => {
    const estimate = thisMonthEstimate({
      meters: [meter],
      readings: readings.slice(0, 3),
      lastBilledMonth: "2026-10",
      rates,
      now,
    });
    expect(estimate.sinceBill).toBeNull();
    // 260 kWh: 221 to 299 kWh at (8 + 3) / 2 = 5,50 ₽.
    expect(estimate.forecast).toEqual({
      lowMilli: 221_000,
      highMilli: 299_000,
      lowKopecks: 121_550,
      highKopecks: 164_450,
      basedOn: ["LAST_YEAR"],
    });
  });

  it("a pace of a day or two is no basis, and with no last year there is no forecast", () => {
    const estimate = thisMonthEstimate({
      meters: [meter],
      readings: [reading("2026-10-31T20:00:00Z", 5000, 2000), reading("2026-11-01T09:00:00Z", 5010, 2001)],
      lastBilledMonth: "2026-10",
      rates,
      now,
    });
    expect(estimate.sinceBill?.milli).toBe(11_000);
    expect(estimate.forecast).toBeNull();
  });

  it("an account without bills has no «since the bill»", () => {
    expect(thisMonthEstimate({ meters: [meter], readings, lastBilledMonth: null, rates, now }).sinceBill).toBeNull();
  });

  it("counts on from zero past the meter's last digit", () => {
    const estimate = thisMonthEstimate({
      meters: [meter],
      readings: [reading("2026-10-20T09:00:00Z", 99_990, 0), reading("2026-11-19T09:00:00Z", 10, 0)],
      lastBilledMonth: "2026-10",
      rates,
      now,
    });
    expect(estimate.sinceBill?.milli).toBe(20_000);
  });
});
