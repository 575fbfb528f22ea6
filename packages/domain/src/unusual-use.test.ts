import { describe, expect, it } from "vitest";
import { UNUSUAL_USE_FACTOR, unusualUse, unusualUseNotice } from "./unusual-use.ts";

const base = {
  month: "2026-11",
  months: 1,
  previousSource: "CUSTOMER" as const,
  lastYearMilli: 250_000,
  usualMilli: 200_000,
};

describe("«Необычный расход»", () => {
  it.each([
    // used, last year, usual → unusual?
    ["1.5× last year's month", 375_000, 250_000, 200_000, "LAST_YEAR"],
    ["just under 1.5× last year's month", 374_999, 250_000, 200_000, null],
    ["1.5× usual, no month last year", 300_000, null, 200_000, "USUAL"],
    ["high against usual but not against last year's winter", 350_000, 300_000, 150_000, null],
    ["2× but only 30 kWh more (a small flat)", 60_000, 30_000, 30_000, null],
    ["2× and exactly 50 kWh more", 100_000, 50_000, 50_000, "LAST_YEAR"],
    ["nothing to compare with (a new account)", 900_000, null, null, null],
  ])("%s", (_, usedMilli, lastYearMilli, usualMilli, basis) => {
    const found = unusualUse({ ...base, usedMilli, lastYearMilli, usualMilli });
    expect(found?.basis ?? null).toBe(basis);
  });

  it("compares per month when the reading covers several", () => {
    expect(unusualUse({ ...base, usedMilli: 700_000, months: 2 })).toBeNull();
    expect(unusualUse({ ...base, usedMilli: 800_000, months: 2 })?.usedKwh).toBe("400");
  });

  it("never on estimates: a reading after an estimated one catches up what the estimates missed", () => {
    expect(unusualUse({ ...base, usedMilli: 900_000, previousSource: "ESTIMATED" })).toBeNull();
    expect(unusualUse({ ...base, usedMilli: 900_000, previousSource: null })).toBeNull();
    expect(unusualUse({ ...base, usedMilli: 900_000, previousSource: "ASKUE" })).not.toBeNull();
  });

  it("says how much, against what, and what to check; the letter is once per meter and month", () => {
    const found = unusualUse({ ...base, usedMilli: 450_000 });
    expect(found?.message.replace(/\s/g, " ")).toBe(
      "Необычный расход: за ноябрь 2026 — 450 кВт·ч, в 1,8 раза больше, чем в тот же месяц прошлого года (250 кВт·ч). " +
        "Проверьте, не появился ли новый мощный прибор (обогреватель, бойлер, тёплый пол) и не остался ли он включённым.",
    );
    const notice = unusualUseNotice("a@b.ru", "7700000001", "meter-1", found ?? ({} as never));
    expect(notice).toMatchObject({
      kind: "UNUSUAL_USE",
      to: "a@b.ru",
      dedupeKey: "unusual-use:meter-1:2026-11:a@b.ru",
    });
    expect(notice.subject).toBe("Необычный расход электроэнергии по лицевому счёту № 7700000001");
    expect(UNUSUAL_USE_FACTOR).toBe(1.5);
  });
});
