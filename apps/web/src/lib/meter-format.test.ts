import { describe, expect, it } from "vitest";
import { formatArea, formatMeterValue, zoneName } from "./meter-format.ts";

describe("zone names", () => {
  it.each([
    ["T1", 1, "Т1"],
    ["T1", 2, "Т1 день"],
    ["T2", 2, "Т2 ночь"],
    ["T1", 3, "Т1 пик"],
    ["T2", 3, "Т2 ночь"],
    ["T3", 3, "Т3 полупик"],
  ] as const)("%s of a %i-zone meter is «%s»", (zone, count, name) => {
    expect(zoneName(zone, count)).toBe(name);
  });
});

describe("meter values", () => {
  it("keeps the digits as sent, with Russian grouping and a decimal comma", () => {
    expect(formatMeterValue("23602.5").replace(/\u00a0/g, " ")).toBe("23 602,5");
    expect(formatMeterValue("987")).toBe("987");
    expect(formatMeterValue("100000.00").replace(/\u00a0/g, " ")).toBe("100 000,00");
  });
});

describe("formatArea", () => {
  it.each(["54.30", "54.3", "38.00", "0.50", "1234.56", "12345.6", "7", "100.05"])(
    "%s reads as ru-RU's toLocaleString writes it",
    (area) => {
      expect(formatArea(area)).toBe(Number(area).toLocaleString("ru-RU", { maximumFractionDigits: 2 }));
    },
  );
});
