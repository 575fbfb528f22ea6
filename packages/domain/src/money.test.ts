import { describe, expect, it } from "vitest";
import { formatKopecks, parseRubles } from "./money.ts";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatKopecks", () => {
  it.each([
    [123456, "1 234,56 ₽"],
    [0, "0,00 ₽"],
    [5, "0,05 ₽"],
    [100000000, "1 000 000,00 ₽"],
    [-25050, "-250,50 ₽"],
  ])("%i → %s", (kopecks, text) => {
    expect(nbsp(formatKopecks(kopecks))).toBe(text);
  });
});

describe("formatKopecks writes what Intl's ru-RU rubles would, without loading them", () => {
  const intl = new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB", minimumFractionDigits: 2 });
  // Every size from a kopeck to billions of rubles, both signs: a fixed pseudo-random walk.
  let seed = 20_261_203;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  const amounts = [0, 1, -1, 99, 100, 999_999, 1_000_000, -100_000_000];
  for (let i = 0; i < 2000; i++) amounts.push((next() % 2 ? -1 : 1) * Math.floor(next() / 10 ** (next() % 9)));
  it("character for character, for 2 000 amounts", () => {
    for (const kopecks of amounts) expect(formatKopecks(kopecks), String(kopecks)).toBe(intl.format(kopecks / 100));
  });
});

describe("parseRubles", () => {
  it.each([
    ["1234,56", 123456],
    ["1 234,56", 123456],
    ["1\u00a0234,56", 123456],
    ["1234.56", 123456],
    ["1234", 123400],
    ["1234,5", 123450],
    ["0,07", 7],
    [" 1 234,56 ₽ ", 123456],
    ["1234,56 руб.", 123456],
    ["-500,00", -50000],
  ])("%j → %i kopecks", (input, kopecks) => {
    expect(parseRubles(input)).toBe(kopecks);
  });

  it.each(["", "abc", "12,345", "1,234,56", "1.234,56", "12 34 5,6x", ",56", "1e3"])("%j is not an amount", (input) => {
    expect(parseRubles(input)).toBeNull();
  });
});
