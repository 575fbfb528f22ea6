import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../lib/dates.ts";
import { changeRows, formatFileSize } from "./change-format.ts";

describe("how a request's change reads", () => {
  it("names the tariff plans in words", () => {
    expect(changeRows({ kind: "TARIFF", tariffPlan: "TWO_ZONE" }, { tariffPlan: "SINGLE" })).toEqual([
      { key: "tariffPlan", label: "Тариф", previous: "одноставочный", requested: "двухзонный (день/ночь)" },
    ]);
  });

  it("shows areas in square metres with a comma, beside what they were and what the account holds now", () => {
    const rows = changeRows(
      { kind: "AREA", totalArea: "61.5", livingArea: "40" },
      { totalArea: "54.30", livingArea: "33.67" },
      { ownerName: "", residents: 1, rooms: 1, totalArea: "54.30", livingArea: "33.67", tariffPlan: "SINGLE" },
    );
    expect(rows).toEqual([
      { key: "totalArea", label: "Общая площадь", previous: "54,3 м²", requested: "61,5 м²", current: "54,3 м²" },
      { key: "livingArea", label: "Жилая площадь", previous: "33,67 м²", requested: "40 м²", current: "33,67 м²" },
    ]);
  });

  it("dates by Moscow's clock and sizes as a file manager does", () => {
    // The test process runs in America/Los_Angeles.
    expect(formatDateTime("2026-11-24T21:30:00Z")).toBe("25.11.2026, 00:30");
    expect([900, 12_345, 3 * 1024 * 1024 + 200_000].map(formatFileSize)).toEqual(["900 Б", "12 КБ", "3,2 МБ"]);
  });
});
