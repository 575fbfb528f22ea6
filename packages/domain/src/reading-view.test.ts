import { describe, expect, it } from "vitest";
import { meterReadingView, readingSnapshot } from "./reading-view.ts";

const meter = {
  id: "m-1",
  serialNumber: "011552-123",
  model: "Меркурий 201",
  zones: ["T1", "T2"] as ("T1" | "T2")[],
  digitCapacity: 6,
  decimalPlaces: 1,
};

describe("the readings page's meter", () => {
  it("shows each of the meter's zones to its decimals (rounded), whatever the row holds besides", () => {
    expect(
      readingSnapshot(
        { takenAt: new Date("2026-11-20T09:00:00Z"), source: "CUSTOMER", values: { T1: 1234567, T3: 5 } },
        meter,
      ),
    ).toEqual({
      takenAt: "2026-11-20T09:00:00.000Z",
      source: "CUSTOMER",
      values: [
        { zone: "T1", value: "1234.6" },
        { zone: "T2", value: "0.0" },
      ],
    });
  });

  it("takes a reading when nothing refuses it; usual use to a tenth; only the meter's zones' rates", () => {
    const view = meterReadingView(meter, {
      previous: { takenAt: "2026-10-20T09:00:00.000Z", source: "CUSTOMER", values: { T1: 1000, T2: 2000 } },
      thisWindow: null,
      refusal: null,
      usualMonthlyMilli: 152_340,
      rates: [
        { zone: "T1", rateKopecks: 800 },
        { zone: "T3", rateKopecks: 300 },
      ],
    });
    expect(view).toMatchObject({
      meterId: "m-1",
      accepts: true,
      refusal: null,
      submittedThisWindow: null,
      averageMonthlyKwh: "152.3",
      rates: [{ zone: "T1", rateKopecks: 800 }],
    });
    expect(view.previous?.values).toEqual([
      { zone: "T1", value: "1.0" },
      { zone: "T2", value: "2.0" },
    ]);
  });

  it("names this window's reading by its id and says why a meter refuses", () => {
    const refusal = { code: "METER_FAULTY", message: "Прибор учёта неисправен" };
    const view = meterReadingView(meter, {
      previous: null,
      thisWindow: { id: "r-9", takenAt: "2026-11-20T09:00:00.000Z", source: "CUSTOMER", values: { T1: 1, T2: 2 } },
      refusal,
      usualMonthlyMilli: null,
      rates: [],
    });
    expect(view).toMatchObject({
      accepts: false,
      refusal,
      averageMonthlyKwh: null,
      submittedThisWindow: { id: "r-9" },
    });
  });
});
