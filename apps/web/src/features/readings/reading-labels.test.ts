import type { SubmitReadingResult } from "@lk/contract";
import { describe, expect, it } from "vitest";
import { formatKwh, formatReadingValues, submittedText } from "./reading-labels.ts";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("reading texts", () => {
  it("lists the zones with their values, as on the meter", () => {
    expect(
      plain(
        formatReadingValues([
          { zone: "T1", value: "12345.6" },
          { zone: "T2", value: "4321.0" },
        ]),
      ),
    ).toBe("Т1: 12 345,6; Т2: 4 321,0");
  });

  it("writes kWh without trailing zeros", () => {
    expect(plain(formatKwh(1_234_500))).toBe("1 234,5");
    expect(formatKwh(150_000)).toBe("150");
    expect(formatKwh(0)).toBe("0");
  });

  it("confirms what was saved, the use and the cost, and says when it replaced an earlier reading", () => {
    const result: SubmitReadingResult = {
      reading: {
        id: "00000000-0000-4000-8000-000000000001",
        meterId: "00000000-0000-4000-8000-000000000002",
        takenAt: "2026-11-20T09:00:00.000Z",
        source: "CUSTOMER",
        values: [{ zone: "T1", value: "12495.6" }],
      },
      consumption: [{ zone: "T1", kwh: "150.000", rateKopecks: 812, costKopecks: 121_800 }],
      totalCostKopecks: 121_800,
      replacedPrevious: false,
      unusualUse: null,
    };
    expect(plain(submittedText(result))).toBe(
      "Показания переданы: Т1: 12 495,6. Расход 150 кВт·ч, примерно 1 218,00 ₽.",
    );
    expect(plain(submittedText({ ...result, replacedPrevious: true }))).toMatch(
      / Прежние показания этого месяца заменены\.$/,
    );
  });
});
