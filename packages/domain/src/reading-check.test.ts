import { describe, expect, it } from "vitest";
import { parseMeterValue } from "./meter-values.ts";
import { checkReading, type MeterRule, type ReadingCheckInput } from "./reading-check.ts";

const open = { open: true, from: "2026-11-15", to: "2026-11-26", daysLeft: 7 };
const closed = { open: false, from: "2026-12-15", to: "2026-12-26", daysLeft: null };
const single: MeterRule = { zones: ["T1"], digitCapacity: 5, decimalPlaces: 1, automated: false, faulty: false };
const twoZone: MeterRule = { ...single, zones: ["T1", "T2"], digitCapacity: 6 };

function check(over: Partial<ReadingCheckInput>) {
  return checkReading({
    meter: single,
    window: open,
    previous: { T1: 12_345_600 },
    monthsSincePrevious: 1,
    averageMonthlyMilli: 250_000,
    values: { T1: "12545,6" },
    ...over,
  });
}

describe("checkReading", () => {
  it("accepts a plausible value and gives the consumption", () => {
    expect(check({})).toEqual({ kind: "ok", values: { T1: 12_545_600 }, consumption: { T1: 200_000 } });
  });

  it.each([
    [{ meter: { ...single, automated: true } }, "METER_AUTOMATED", /АСКУЭ/],
    [{ meter: { ...single, faulty: true } }, "METER_FAULTY", /неисправен/],
    [{ window: closed }, "WINDOW_CLOSED", /Следующий период: 15\.12\.2026 – 26\.12\.2026/],
  ])("refuses %o with %s", (over, code, message) => {
    expect(check(over)).toMatchObject({ kind: "refused", code, message: expect.stringMatching(message) });
  });

  it.each([
    ["", "Введите показание зоны Т1."],
    ["-5", "Введите число без знаков, например 12345,6."],
    ["12 545,65", "Не больше 1 знак(а) после запятой."],
    ["123456", "На счётчике не больше 5 цифр до запятой."],
    ["12000", "Показание меньше предыдущего (12345,6). Проверьте цифры."],
  ])("refuses %j: %s", (value, message) => {
    expect(check({ values: { T1: value } })).toEqual({ kind: "invalid", fields: [{ path: "values.T1", message }] });
  });

  it("names each zone's problem and a zone the meter does not have", () => {
    const result = check({ meter: twoZone, previous: { T1: 1_000_000, T2: 500_000 }, values: { T1: "1100", T3: "5" } });
    expect(result).toEqual({
      kind: "invalid",
      fields: [
        { path: "values.T3", message: "У этого счётчика нет зоны Т3." },
        { path: "values.T2", message: "Введите показание зоны Т2." },
      ],
    });
  });

  it("asks to confirm a rollover past the capacity, then counts across zero", () => {
    const input = { previous: { T1: 99_950_000 }, values: { T1: "20,5" }, averageMonthlyMilli: 100_000 };
    expect(check(input)).toMatchObject({
      kind: "confirm",
      warnings: [{ code: "ROLLOVER", message: expect.stringContaining("99999") }],
    });
    expect(check({ ...input, confirmRollover: true })).toEqual({
      kind: "ok",
      values: { T1: 20_500 },
      consumption: { T1: 70_500 },
    });
  });

  it("asks to confirm more than 3× the usual monthly use, allowing for months without readings", () => {
    expect(check({ values: { T1: "13200" } })).toMatchObject({ kind: "confirm", warnings: [{ code: "LARGE_JUMP" }] });
    expect(check({ values: { T1: "13200" }, confirmLargeJump: true }).kind).toBe("ok");
    expect(check({ values: { T1: "13200" }, monthsSincePrevious: 4 }).kind).toBe("ok");
    expect(check({ values: { T1: "13200" }, averageMonthlyMilli: null }).kind).toBe("ok");
  });

  it("a first reading on a new meter has no consumption", () => {
    expect(check({ previous: null, values: { T1: "5" } })).toEqual({
      kind: "ok",
      values: { T1: 5000 },
      consumption: { T1: 0 },
    });
  });
});

describe("parseMeterValue", () => {
  it.each([
    ["12345,6", 12_345_600, 1],
    ["12345.67", 12_345_670, 2],
    ["12 345", 12_345_000, 0],
    ["0", 0, 0],
  ])("%j", (input, milli, decimals) => expect(parseMeterValue(input)).toEqual({ milli, decimals }));
  it.each(["", "abc", "-1", "1,2345", "1e5", "1,2,3"])("%j is not a value", (input) =>
    expect(parseMeterValue(input)).toBeNull(),
  );
});
