import { describe, expect, it } from "vitest";
import { requireSameRequest } from "./idempotency.ts";
import type { ReadingCheck } from "./reading-check.ts";
import { acceptedValues, periodInstants, readingCost } from "./reading-submission.ts";
import { refusal } from "./testing/refusal.ts";

describe("acceptedValues", () => {
  it("returns the checked values", () => {
    expect(acceptedValues({ kind: "ok", values: { T1: 1000 }, consumption: { T1: 10 } })).toEqual({ T1: 1000 });
  });
  it.each<[ReadingCheck, string, string]>([
    [{ kind: "refused", code: "WINDOW_CLOSED", message: "Приём закрыт." }, "WINDOW_CLOSED", "Приём закрыт."],
    [
      { kind: "invalid", fields: [{ path: "values.T1", message: "Введите показание." }] },
      "VALIDATION_FAILED",
      "VALIDATION_FAILED",
    ],
    [
      {
        kind: "confirm",
        warnings: [
          { code: "ROLLOVER", message: "Счётчик перешёл через ноль?" },
          { code: "LARGE_JUMP", message: "Много." },
        ],
      },
      "NEEDS_CONFIRMATION",
      "Счётчик перешёл через ноль? Много.",
    ],
  ])("refuses %j as %s", (check, code, message) => {
    const error = refusal(() => acceptedValues(check));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe("readingCost", () => {
  const meter = { zones: ["T1", "T2"] as ("T1" | "T2")[], digitCapacity: 5 };
  const rates = [
    { zone: "T1", rateKopecks: 812 },
    { zone: "T2", rateKopecks: 301 },
  ];
  it("costs each zone's use at its rate, rounded to the kopeck", () => {
    // T1: 150.5 kWh × 8.12 ₽ = 1 222.06 ₽; T2: 40.001 kWh × 3.01 ₽ = 120.403 → 120.40 ₽.
    expect(readingCost(meter, { T1: 1_000_000, T2: 500_000 }, { T1: 1_150_500, T2: 540_001 }, rates)).toEqual({
      consumption: [
        { zone: "T1", kwh: "150.500", rateKopecks: 812, costKopecks: 122_206 },
        { zone: "T2", kwh: "40.001", rateKopecks: 301, costKopecks: 12_040 },
      ],
      totalCostKopecks: 134_246,
    });
  });
  it("counts on from zero past the last digit", () => {
    const { consumption } = readingCost(meter, { T1: 99_990_000, T2: 0 }, { T1: 5_000, T2: 0 }, rates);
    expect(consumption[0]?.kwh).toBe("15.000");
  });
  it("a first reading has no use", () => {
    expect(readingCost(meter, null, { T1: 5_000, T2: 1_000 }, rates).totalCostKopecks).toBe(0);
  });
});

it("a period is whole Moscow days, both ends included", () => {
  expect(periodInstants({ from: "2026-11-01", to: "2026-11-30" }, "Europe/Moscow")).toEqual({
    from: new Date("2026-10-31T21:00:00Z"),
    to: new Date("2026-11-30T21:00:00Z"),
  });
});

describe("requireSameRequest", () => {
  it("passes a retry, and a row from before fingerprints", () => {
    expect(() => requireSameRequest(true, "a", "a")).not.toThrow();
    expect(() => requireSameRequest(true, null, "a")).not.toThrow();
  });
  it.each([
    [false, "a", "a"],
    [true, "a", "b"],
  ])("refuses another target or other essentials (%s, %s, %s)", (sameTarget, stored, now) => {
    expect(refusal(() => requireSameRequest(sameTarget, stored, now)).code).toBe("IDEMPOTENCY_KEY_REUSED");
  });
});
