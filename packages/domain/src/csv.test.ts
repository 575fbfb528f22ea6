import { describe, expect, it } from "vitest";
import { csvDecimal, csvRubles, csvText, historyFileName } from "./csv.ts";

describe("csvText", () => {
  it("writes a BOM, `;` between cells and CRLF line ends, with a last line end", () => {
    expect(csvText(["Дата", "Сумма, ₽"], [["01.11.2026", "1234,56"]])).toBe(
      "\uFEFFДата;Сумма, ₽\r\n01.11.2026;1234,56\r\n",
    );
  });
  it("quotes a cell with `;`, a quote or a line break, doubling its quotes", () => {
    expect(csvText(["a"], [['Банк «А»; отказ "51"'], ["две\nстроки"]])).toBe(
      '\uFEFFa\r\n"Банк «А»; отказ ""51"""\r\n"две\nстроки"\r\n',
    );
  });
  it("an empty cell stays empty", () => {
    expect(csvText(["a", "b"], [["", "x"]])).toBe("\uFEFFa;b\r\n;x\r\n");
  });
});

it.each([
  [123_456, "1234,56"],
  [5, "0,05"],
  [0, "0,00"],
  [-500, "-5,00"],
  [-123_456, "-1234,56"],
])("csvRubles(%i) is %s", (kopecks, text) => {
  expect(csvRubles(kopecks)).toBe(text);
});

it("a decimal point becomes a comma", () => {
  expect(csvDecimal("12345.6")).toBe("12345,6");
  expect(csvDecimal("100")).toBe("100");
});

it("a history file is named by its tab, the account and the period", () => {
  expect(historyFileName("oplaty", "7700000001", { from: "2026-01-01", to: "2026-11-30" })).toBe(
    "oplaty-7700000001-2026-01-01-2026-11-30.csv",
  );
});
