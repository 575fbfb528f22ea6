import type { MeterReadingState } from "@lk/contract";
import { describe, expect, it } from "vitest";
import { previewReading, readingFieldErrors } from "./reading-preview.ts";

const meter = (over: Partial<MeterReadingState> = {}): MeterReadingState => ({
  meterId: "00000000-0000-4000-8000-000000000001",
  serialNumber: "12345670",
  model: "Меркурий 201",
  zones: ["T1"],
  digitCapacity: 5,
  decimalPlaces: 1,
  previous: { takenAt: "2026-10-20T09:00:00.000Z", source: "CUSTOMER", values: [{ zone: "T1", value: "12345.6" }] },
  submittedThisWindow: null,
  accepts: true,
  refusal: null,
  averageMonthlyKwh: "200.0",
  rates: [{ zone: "T1", rateKopecks: 812 }],
  ...over,
});

const twoZone = meter({
  zones: ["T1", "T2"],
  previous: {
    takenAt: "2026-10-20T09:00:00.000Z",
    source: "CUSTOMER",
    values: [
      { zone: "T1", value: "1000.0" },
      { zone: "T2", value: "500.0" },
    ],
  },
  rates: [
    { zone: "T1", rateKopecks: 931 },
    { zone: "T2", rateKopecks: 333 },
  ],
});

describe("the live preview of use and cost", () => {
  it("counts the use from the last reading and its cost at the zone's rate, in kopecks", () => {
    expect(previewReading(meter(), { T1: "12 495,6" })).toEqual({
      zones: [{ zone: "T1", kwhMilli: 150_000, costKopecks: 121_800 }],
      totalCostKopecks: 121_800,
    });
  });

  it("has no float drift: 0,1 kWh at 8,12 ₽ is 81 kopecks", () => {
    expect(previewReading(meter(), { T1: "12345,7" }).zones[0]).toEqual({ zone: "T1", kwhMilli: 100, costKopecks: 81 });
  });

  it("shows each zone as it is typed, and the total once every zone has a value", () => {
    expect(previewReading(twoZone, { T1: "1100", T2: "" })).toEqual({
      zones: [{ zone: "T1", kwhMilli: 100_000, costKopecks: 93_100 }],
      totalCostKopecks: null,
    });
    expect(previewReading(twoZone, { T1: "1100", T2: "540,5" }).totalCostKopecks).toBe(93_100 + 13_487);
  });

  it("counts past the last digit as checkReading does: 99 950 → 30 is 80 kWh", () => {
    const near = meter({
      previous: { takenAt: "2026-10-20T09:00:00.000Z", source: "CUSTOMER", values: [{ zone: "T1", value: "99950.0" }] },
    });
    expect(previewReading(near, { T1: "30" }).zones).toEqual([{ zone: "T1", kwhMilli: 80_000, costKopecks: 64_960 }]);
  });

  it("shows nothing for a value that is not a reading yet or is below the last one", () => {
    for (const typed of ["", "12,", "abc", "12345,67", "100000", "12000"]) {
      expect(previewReading(meter(), { T1: typed }).zones).toEqual([]);
    }
  });
});

describe("the check before sending", () => {
  it("names the field of a value below the last one, as the server does", () => {
    expect(readingFieldErrors(meter(), { T1: "12000" })).toEqual([
      { path: "values.T1", message: "Показание меньше предыдущего (12345,6). Проверьте цифры." },
    ]);
  });

  it("asks for every zone and leaves the warnings (rollover, large jump) to the server", () => {
    expect(readingFieldErrors(twoZone, { T1: "1100", T2: "" }).map((f) => f.path)).toEqual(["values.T2"]);
    expect(readingFieldErrors(meter(), { T1: "99999" })).toEqual([]);
  });
});
