import { describe, expect, it } from "vitest";
import { formatMeterValue, zoneName } from "./meter-format.ts";

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
