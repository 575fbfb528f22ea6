import { describe, expect, it } from "vitest";
import {
  type ConsumptionMeter,
  consumptionCsv,
  monthClosedBy,
  monthlyConsumption,
  yearConsumption,
  yearConsumptionView,
} from "./consumption.ts";

const MSK = (local: string) => new Date(`${local}+03:00`);
const single: ConsumptionMeter = { id: "m1", zones: ["T1"], digitCapacity: 5 };
const twoZone: ConsumptionMeter = { id: "m2", zones: ["T1", "T2"], digitCapacity: 6 };
const now = MSK("2026-11-20T12:00:00");
const r = (meterId: string, local: string, T1: number, T2?: number) => ({
  meterId,
  takenAt: MSK(local),
  values: T2 === undefined ? { T1: T1 * 1000 } : { T1: T1 * 1000, T2: T2 * 1000 },
});

describe("monthlyConsumption", () => {
  it("gives each month the difference that its reading closes, per zone", () => {
    const months = monthlyConsumption(
      [twoZone],
      [
        r("m2", "2026-01-20T10:00:00", 1000, 500),
        r("m2", "2026-02-21T10:00:00", 1210, 580),
        r("m2", "2026-03-20T10:00:00", 1400.5, 650),
      ],
      2026,
      now,
    );
    expect(months[1]).toEqual({
      month: "2026-02",
      status: "ACTUAL",
      zones: { T1: 210_000, T2: 80_000 },
      total: 290_000,
    });
    expect(months[2]).toEqual({
      month: "2026-03",
      status: "ACTUAL",
      zones: { T1: 190_500, T2: 70_000 },
      total: 260_500,
    });
  });

  it("marks months without readings as missing, not zero, and months ahead as future", () => {
    const months = monthlyConsumption(
      [single],
      [r("m1", "2026-01-20T10:00:00", 100), r("m1", "2026-04-20T10:00:00", 400)],
      2026,
      now,
    );
    expect(months.map((m) => m.status)).toEqual([
      "MISSING",
      "MISSING",
      "MISSING",
      "ACTUAL",
      "MISSING",
      "MISSING",
      "MISSING",
      "MISSING",
      "MISSING",
      "MISSING",
      "MISSING",
      "FUTURE",
    ]);
    expect(months[3]?.total).toBe(300_000);
    expect(months[1]?.total).toBeNull();
  });

  it("counts across a rollover past the capacity", () => {
    const months = monthlyConsumption(
      [single],
      [r("m1", "2026-05-20T10:00:00", 99_950), r("m1", "2026-06-20T10:00:00", 30)],
      2026,
      now,
    );
    expect(months[5]?.zones).toEqual({ T1: 80_000 });
  });

  it("counts a reading at 00:00 on the 1st for the month that just ended", () => {
    expect(monthClosedBy(MSK("2026-07-01T00:00:00"))).toBe("2026-06");
    expect(monthClosedBy(MSK("2026-07-01T00:00:01"))).toBe("2026-07");
    const months = monthlyConsumption(
      [single],
      [r("m1", "2026-05-20T10:00:00", 100), r("m1", "2026-07-01T00:00:00", 150)],
      2026,
      now,
    );
    expect(months[5]?.total).toBe(50_000);
    expect(months[6]?.status).toBe("MISSING");
  });

  it("uses the last reading of the year before as January's start, and adds meters up", () => {
    const months = monthlyConsumption(
      [single, { ...single, id: "m3" }],
      [
        r("m1", "2025-12-20T10:00:00", 100),
        r("m1", "2026-01-20T10:00:00", 150),
        r("m3", "2025-12-25T10:00:00", 10),
        r("m3", "2026-01-25T10:00:00", 30),
      ],
      2026,
      now,
    );
    expect(months[0]?.zones).toEqual({ T1: 70_000 });
  });
});

describe("consumptionCsv", () => {
  it("has the chart's numbers: a column per zone, the total and last year's total; missing months empty", () => {
    const current = monthlyConsumption(
      [twoZone],
      [r("m2", "2026-01-20T10:00:00", 1000, 500), r("m2", "2026-02-21T10:00:00", 1210.5, 580)],
      2026,
      now,
    );
    const previous = monthlyConsumption(
      [twoZone],
      [r("m2", "2025-01-20T10:00:00", 800, 400), r("m2", "2025-02-20T10:00:00", 1000, 500)],
      2025,
      now,
    );
    const lines = consumptionCsv({ year: 2026, zones: ["T1", "T2"], current, previous })
      .replace("\uFEFF", "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Месяц;Т1, кВт·ч;Т2, кВт·ч;Всего, кВт·ч;Всего за 2025, кВт·ч");
    expect(lines[1]).toBe("Январь 2026;;;;");
    expect(lines[2]).toBe("Февраль 2026;210,5;80;290,5;300");
    expect(lines).toHaveLength(13);
  });
});

describe("yearConsumption", () => {
  it("takes every meter's zones once, in order, and the year before beside the year", () => {
    const readings = [
      r("m2", "2025-03-20T10:00:00", 900, 400),
      r("m2", "2025-04-20T10:00:00", 1000, 500),
      r("m2", "2026-04-20T10:00:00", 2000, 900),
      r("m2", "2026-05-20T10:00:00", 2100, 950),
      r("m1", "2026-04-20T10:00:00", 10),
      r("m1", "2026-05-20T10:00:00", 30),
    ];
    const year = yearConsumption([twoZone, single], readings, 2026, now);
    expect(year.zones).toEqual(["T1", "T2"]);
    expect(year.current[4]).toMatchObject({ month: "2026-05", total: 170_000 });
    expect(year.previous[3]).toMatchObject({ month: "2025-04", total: 200_000 });
    const view = yearConsumptionView(year);
    expect(view.months[4]).toEqual({
      month: "2026-05",
      status: "ACTUAL",
      zones: [
        { zone: "T1", kwh: "120.000" },
        { zone: "T2", kwh: "50.000" },
      ],
      totalKwh: "170.000",
    });
    expect(view.previousYear[3]?.totalKwh).toBe("200.000");
    expect(view.months[11]).toEqual({ month: "2026-12", status: "FUTURE", zones: [], totalKwh: null });
  });
});
