import type { ConsumptionYear, MonthConsumption } from "@lk/contract";
import { describe, expect, it } from "vitest";
import { consumptionFile } from "./consumption-csv.ts";
import { cellText, consumptionSummary, consumptionView, formatKwh } from "./consumption-months.ts";
import { moscowYear, selectableYears } from "./consumption-years.ts";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

const month = (m: number, status: MonthConsumption["status"], t1?: string, t2?: string): MonthConsumption => {
  const zones =
    status === "ACTUAL"
      ? [
          { zone: "T1" as const, kwh: t1 ?? "0" },
          { zone: "T2" as const, kwh: t2 ?? "0" },
        ]
      : [];
  const total = status === "ACTUAL" ? (Number(t1 ?? 0) + Number(t2 ?? 0)).toFixed(3) : null;
  return { month: `2026-${String(m).padStart(2, "0")}`, status, zones, totalKwh: total };
};

/** Two zones; March has no reading, November and December are ahead. */
const data: ConsumptionYear = {
  year: 2026,
  zones: ["T1", "T2"],
  months: Array.from({ length: 12 }, (_, i) => {
    if (i === 2) return month(3, "MISSING");
    if (i >= 10) return month(i + 1, "FUTURE");
    return month(i + 1, "ACTUAL", i === 0 ? "1200.500" : "150.000", "60.000");
  }),
  previousYear: Array.from({ length: 12 }, (_, i) => ({
    ...month(i + 1, i < 6 ? "MISSING" : "ACTUAL", "100.000", "50.000"),
    month: `2025-${String(i + 1).padStart(2, "0")}`,
  })),
};

describe("kWh as the customer reads them", () => {
  it.each([
    [2345500, "2 345,5"],
    [310000, "310"],
    [12, "0,012"],
    [0, "0"],
    [1234567890, "1 234 567,89"],
  ])("%i thousandths → «%s»", (milli, text) => {
    expect(plain(formatKwh(milli))).toBe(text);
  });

  it("says «нет данных» for a month no reading closes and «—» for one still ahead, never zero", () => {
    expect(cellText("MISSING", null)).toBe("нет данных");
    expect(cellText("FUTURE", null)).toBe("—");
    expect(cellText("ACTUAL", 0)).toBe("0");
  });
});

describe("the consumption view", () => {
  const view = consumptionView(data);

  it("names the zones as bills do and pairs each month with the year before", () => {
    expect(view.zones).toEqual([
      { zone: "T1", name: "Т1 день" },
      { zone: "T2", name: "Т2 ночь" },
    ]);
    expect(view.rows).toHaveLength(12);
    expect(view.rows[0]).toMatchObject({
      name: "Январь",
      short: "янв",
      status: "ACTUAL",
      zones: { T1: 1200500, T2: 60000 },
      total: 1260500,
      previous: { status: "MISSING", total: null },
    });
    expect(view.rows[7]?.previous).toEqual({ status: "ACTUAL", total: 150000 });
    expect(view.empty).toBe(false);
  });

  it("is empty only when neither year has a reading", () => {
    const none = { ...data, months: data.months.map((m) => ({ ...month(1, "MISSING"), month: m.month })) };
    expect(consumptionView(none).empty).toBe(false);
    const nothing = { ...none, previousYear: none.months };
    expect(consumptionView(nothing).empty).toBe(true);
  });

  it("sums up the year in words for the chart's text alternative", () => {
    expect(plain(consumptionSummary(view, true))).toBe(
      "Потребление за 2026 год: всего 2 940,5 кВт·ч за 9 месяцев с показаниями; больше всего в январе — 1 260,5 кВт·ч. " +
        "Нет данных за 1 месяц: март. За 2025 год: 900 кВт·ч за 6 месяцев.",
    );
    expect(plain(consumptionSummary(view, false))).not.toContain("2025");
  });
});

describe("«Скачать CSV»", () => {
  it("writes the numbers on screen with the domain's CSV, named after the account and the year", () => {
    const file = consumptionFile(data, "7700000001");
    expect(file.filename).toBe("potreblenie-7700000001-2026.csv");
    const lines = file.text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Месяц;Т1, кВт·ч;Т2, кВт·ч;Всего, кВт·ч;Всего за 2025, кВт·ч");
    expect(lines[1]).toBe("Январь 2026;1200,5;60;1260,5;");
    expect(lines[3]).toBe("Март 2026;;;;");
    expect(lines[8]).toBe("Август 2026;150;60;210;150");
  });
});

describe("the years to choose from", () => {
  it("go from three years back to the current one, by the Moscow calendar", () => {
    expect(selectableYears(2026)).toEqual([2023, 2024, 2025, 2026]);
    expect(moscowYear(new Date("2026-12-31T21:30:00Z"))).toBe(2027);
  });
});
