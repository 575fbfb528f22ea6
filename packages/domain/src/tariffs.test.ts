import { describe, expect, it } from "vitest";
import { inForceOn, rateOfMonth, ratesOn, type TariffRate, tariffDay } from "./tariffs.ts";

const rate = (
  plan: TariffRate["plan"],
  zone: TariffRate["zone"],
  rateKopecks: number,
  validFrom: string,
  validTo: string | null,
): TariffRate => ({
  plan,
  zone,
  rateKopecks,
  validFrom,
  validTo,
});
// A supplier's rates change on 1 July, as the demo world's do.
const tariffs = [
  rate("TWO_ZONE", "T2", 300, "2025-07-01", "2026-06-30"),
  rate("TWO_ZONE", "T1", 800, "2025-07-01", "2026-06-30"),
  rate("SINGLE", "T1", 700, "2025-07-01", "2026-06-30"),
  rate("TWO_ZONE", "T1", 880, "2026-07-01", null),
  rate("TWO_ZONE", "T2", 330, "2026-07-01", null),
  rate("SINGLE", "T1", 770, "2026-07-01", null),
];

describe("tariffDay", () => {
  it("is the supplier's calendar day, not the UTC one", () => {
    expect(tariffDay(new Date("2026-06-30T20:59:59Z"))).toBe("2026-06-30");
    // 00:30 on 1 July in Moscow is still 30 June in UTC.
    expect(tariffDay(new Date("2026-06-30T21:30:00Z"))).toBe("2026-07-01");
    expect(tariffDay(new Date("2026-06-30T21:30:00Z"), "Asia/Vladivostok")).toBe("2026-07-01");
    expect(tariffDay(new Date("2026-07-01T09:00:00Z"), "Asia/Vladivostok")).toBe("2026-07-01");
    expect(tariffDay(new Date("2026-07-01T14:00:00Z"), "Asia/Vladivostok")).toBe("2026-07-02");
  });
});

describe("ratesOn", () => {
  it("gives the plan's rate of each zone in force on the day, T1 first; both ends of a period count", () => {
    expect(ratesOn(tariffs, "TWO_ZONE", "2026-06-30")).toEqual([
      { zone: "T1", rateKopecks: 800 },
      { zone: "T2", rateKopecks: 300 },
    ]);
    expect(ratesOn(tariffs, "TWO_ZONE", "2026-07-01")).toEqual([
      { zone: "T1", rateKopecks: 880 },
      { zone: "T2", rateKopecks: 330 },
    ]);
    expect(ratesOn(tariffs, "SINGLE", "2025-07-01")).toEqual([{ zone: "T1", rateKopecks: 700 }]);
  });

  it("gives nothing before the supplier's first rate, or for a plan it does not offer", () => {
    expect(ratesOn(tariffs, "TWO_ZONE", "2025-06-30")).toEqual([]);
    expect(ratesOn(tariffs, "THREE_ZONE", "2026-07-01")).toEqual([]);
  });

  it("agrees with inForceOn and rateOfMonth", () => {
    expect(inForceOn({ validFrom: "2026-07-01", validTo: null }, "2040-01-01")).toBe(true);
    expect(inForceOn({ validFrom: "2025-07-01", validTo: "2026-06-30" }, "2026-07-01")).toBe(false);
    expect(rateOfMonth(tariffs, "TWO_ZONE", "T2", "2026-07")).toBe(330);
    expect(rateOfMonth(tariffs, "TWO_ZONE", "T2", "2025-06")).toBeNull();
  });
});
