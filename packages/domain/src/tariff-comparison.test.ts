import { describe, expect, it } from "vitest";
import type { ConsumptionReading } from "./consumption.ts";
import type { Zone } from "./reading-check.ts";
import { comparisonMonths, tariffComparison } from "./tariff-comparison.ts";
import type { TariffRate } from "./tariffs.ts";

// Rates in kopecks per kWh, raised on 1 July 2026 as suppliers do.
const rate = (plan: TariffRate["plan"], zone: Zone, before: number, after: number): TariffRate[] => [
  { plan, zone, rateKopecks: before, validFrom: "2025-07-01", validTo: "2026-06-30" },
  { plan, zone, rateKopecks: after, validFrom: "2026-07-01", validTo: null },
];
const rates: TariffRate[] = [
  ...rate("SINGLE", "T1", 600, 660),
  ...rate("TWO_ZONE", "T1", 700, 770),
  ...rate("TWO_ZONE", "T2", 250, 275),
  ...rate("THREE_ZONE", "T1", 800, 880),
  ...rate("THREE_ZONE", "T2", 250, 275),
  ...rate("THREE_ZONE", "T3", 600, 660),
];

/** A reading on the 20th of each month from `first`, the meter's counters growing by `perMonth` kWh. */
function monthlyReadings(first: string, count: number, perMonth: Partial<Record<Zone, number>>): ConsumptionReading[] {
  const [year, month] = first.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => ({
    meterId: "m",
    takenAt: new Date(Date.UTC(year, month - 1 + i, 20, 9)),
    values: Object.fromEntries(Object.entries(perMonth).map(([zone, kwh]) => [zone, 10_000_000 + i * kwh * 1000])),
  }));
}

const now = new Date("2026-12-15T09:00:00Z");

describe("comparisonMonths", () => {
  it("is the twelve whole months before the current one, in Moscow time", () => {
    expect(comparisonMonths(now)).toEqual([
      "2025-12",
      ...["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"].map((m) => `2026-${m}`),
    ]);
    // 22:00 UTC on 31 December is already January in Moscow.
    expect(comparisonMonths(new Date("2026-12-31T22:00:00Z")).at(-1)).toBe("2026-12");
  });
});

describe("tariffComparison", () => {
  it("costs a two-zone year on every plan, the three-zone one estimated (hand-computed)", () => {
    // December 2025 to November 2026: 200 kWh by day and 100 by night each month; the reading
    // of 20 November 2025 closes November, before the window, and is where December starts from.
    const result = tariffComparison({
      meters: [{ id: "m", zones: ["T1", "T2"], digitCapacity: 6 }],
      readings: monthlyReadings("2025-11", 13, { T1: 200, T2: 100 }),
      rates,
      currentPlan: "TWO_ZONE",
      now,
    });
    expect(result).toMatchObject({ from: "2025-12", to: "2026-11", monthsCounted: 12, better: "THREE_ZONE" });
    const byPlan = Object.fromEntries(result.plans.map((p) => [p.plan, p]));
    // Single: 300 kWh × 6,00 ₽ × 7 months (December–June) + 300 × 6,60 × 5 (July–November)
    //   = 12 600 + 9 900 = 22 500 ₽.
    expect(byPlan.SINGLE).toMatchObject({ costKopecks: 2_250_000, exact: true, meterReplacement: false });
    expect(byPlan.SINGLE?.zones).toEqual([{ zone: "T1", milli: 3_600_000, costKopecks: 2_250_000 }]);
    // Two-zone: (200 × 7,00 + 100 × 2,50) × 7 + (200 × 7,70 + 100 × 2,75) × 5 = 11 550 + 9 075 = 20 625 ₽.
    expect(byPlan.TWO_ZONE).toMatchObject({ costKopecks: 2_062_500, differenceKopecks: 0, exact: true });
    expect(byPlan.SINGLE?.differenceKopecks).toBe(187_500);
    // Three-zone, the day split 40 % peak: 80 peak, 120 half-peak, 100 night a month;
    // (80 × 8 + 100 × 2,5 + 120 × 6) × 7 + (80 × 8,8 + 100 × 2,75 + 120 × 6,6) × 5 = 11 270 + 8 855 = 20 125 ₽.
    expect(byPlan.THREE_ZONE).toMatchObject({
      costKopecks: 2_012_500,
      differenceKopecks: -50_000,
      exact: false,
      meterReplacement: true,
    });
    expect(byPlan.THREE_ZONE?.zones.map((z) => [z.zone, z.milli])).toEqual([
      ["T1", 960_000],
      ["T2", 1_200_000],
      ["T3", 1_440_000],
    ]);
    expect(result.plans.map((p) => p.plan)).toEqual(["THREE_ZONE", "TWO_ZONE", "SINGLE"]);
    expect(result.assumption).toEqual({ nightShare: 0.25, peakShareOfDay: 0.4 });
  });

  it("costs a three-zone year exactly on every plan (hand-computed)", () => {
    // Each month 90 kWh at peak (T1), 120 at night (T2), 150 at half-peak (T3).
    const result = tariffComparison({
      meters: [{ id: "m", zones: ["T1", "T2", "T3"], digitCapacity: 6 }],
      readings: monthlyReadings("2025-11", 13, { T1: 90, T2: 120, T3: 150 }),
      rates,
      currentPlan: "THREE_ZONE",
      now,
    });
    const cost = Object.fromEntries(result.plans.map((p) => [p.plan, [p.costKopecks, p.differenceKopecks, p.exact]]));
    expect(cost).toEqual({
      // 360 × 6 × 7 + 360 × 6,6 × 5 = 15 120 + 11 880 = 27 000 ₽.
      SINGLE: [2_700_000, 300_000, true],
      // Day 240: (240 × 7 + 120 × 2,5) × 7 + (240 × 7,7 + 120 × 2,75) × 5 = 13 860 + 10 890 = 24 750 ₽.
      TWO_ZONE: [2_475_000, 75_000, true],
      // (90 × 8 + 120 × 2,5 + 150 × 6) × 7 + (90 × 8,8 + 120 × 2,75 + 150 × 6,6) × 5 = 13 440 + 10 560 = 24 000 ₽.
      THREE_ZONE: [2_400_000, 0, true],
    });
    expect(result.better).toBeNull();
    expect(result.assumption).toBeNull();
    expect(result.plans.every((p) => !p.meterReplacement)).toBe(true);
  });

  it("estimates both multi-zone plans for a single-zone meter, saying so", () => {
    // January to March 2026 only (April's reading is after `now`'s month start): 400 kWh a month,
    // assumed 100 at night, 120 at peak and 180 at half-peak.
    const result = tariffComparison({
      meters: [{ id: "m", zones: ["T1"], digitCapacity: 6 }],
      readings: monthlyReadings("2025-12", 4, { T1: 400 }),
      rates,
      currentPlan: "SINGLE",
      now: new Date("2026-04-10T09:00:00Z"),
    });
    expect(result).toMatchObject({ from: "2026-01", to: "2026-03", monthsCounted: 3, better: "THREE_ZONE" });
    const cost = Object.fromEntries(result.plans.map((p) => [p.plan, [p.costKopecks, p.exact, p.meterReplacement]]));
    expect(cost).toEqual({
      SINGLE: [720_000, true, false],
      TWO_ZONE: [705_000, false, true], // (300 × 7 + 100 × 2,5) × 3
      THREE_ZONE: [687_000, false, true], // (120 × 8 + 100 × 2,5 + 180 × 6) × 3
    });
    expect(result.assumption).not.toBeNull();
  });

  it("compares nothing over fewer than three months, and leaves out a plan the supplier did not offer", () => {
    const meters = [{ id: "m", zones: ["T1", "T2"] as Zone[], digitCapacity: 6 }];
    const short = tariffComparison({
      meters,
      readings: monthlyReadings("2026-08", 3, { T1: 200, T2: 100 }),
      rates,
      currentPlan: "TWO_ZONE",
      now,
    });
    expect(short).toMatchObject({ monthsCounted: 2, plans: [], better: null, assumption: null });

    const noThreeZoneBeforeJuly = rates.filter((r) => !(r.plan === "THREE_ZONE" && r.validFrom === "2025-07-01"));
    const result = tariffComparison({
      meters,
      readings: monthlyReadings("2025-11", 13, { T1: 200, T2: 100 }),
      rates: noThreeZoneBeforeJuly,
      currentPlan: "TWO_ZONE",
      now,
    });
    expect(result.plans.map((p) => p.plan)).toEqual(["TWO_ZONE", "SINGLE"]);
    expect(result).toMatchObject({ better: null, assumption: null });
  });

  it("counts a month closed across the counter's rollover and skips a month without a reading", () => {
    const readings: ConsumptionReading[] = [
      { meterId: "m", takenAt: new Date("2026-07-20T09:00:00Z"), values: { T1: 999_700_000 } },
      { meterId: "m", takenAt: new Date("2026-08-20T09:00:00Z"), values: { T1: 999_900_000 } }, // 200 kWh
      { meterId: "m", takenAt: new Date("2026-09-20T09:00:00Z"), values: { T1: 200_000 } }, // 300 kWh
      { meterId: "m", takenAt: new Date("2026-11-20T09:00:00Z"), values: { T1: 700_000 } }, // 500, no October
      { meterId: "m", takenAt: new Date("2026-12-10T09:00:00Z"), values: { T1: 900_000 } }, // December: outside
    ];
    const result = tariffComparison({
      meters: [{ id: "m", zones: ["T1"], digitCapacity: 6 }],
      readings,
      rates,
      currentPlan: "SINGLE",
      now,
    });
    expect(result).toMatchObject({ from: "2026-08", to: "2026-11", monthsCounted: 3 });
    // 200 + 300 + 500 kWh at 6,60 ₽ = 6 600 ₽; October is neither zero nor counted.
    expect(result.plans.find((p) => p.plan === "SINGLE")?.zones).toEqual([
      { zone: "T1", milli: 1_000_000, costKopecks: 660_000 },
    ]);
  });
});
