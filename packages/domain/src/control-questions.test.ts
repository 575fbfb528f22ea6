import { describe, expect, it } from "vitest";
import { type AccountEvidence, isCorrectAnswer } from "./control-questions.ts";

const evidence: AccountEvidence = {
  recentBillTotals: [123456, -50000, 98700],
  meterSerials: ["011552-123", "ЦЭ6803-778899"],
  lastPayment: 123456,
};

describe("bill total answer", () => {
  it.each([
    ["1234,56", true],
    ["1 234,56", true],
    ["1234.56", true],
    ["987", true],
    ["987,00", true],
    ["500,00", true], // «Итого переплата» is printed without a minus
    ["-500,00", true],
    ["1234,57", false],
    ["1234,5", false],
    ["123456", false],
    ["", false],
    ["много", false],
  ])("%j → %s", (answer, ok) => {
    expect(isCorrectAnswer("BILL_TOTAL", answer, evidence)).toBe(ok);
  });
});

describe("meter serial answer", () => {
  it.each([
    ["011552-123", true],
    ["011552123", true],
    [" 011552 123 ", true],
    ["цэ6803-778899", true],
    ["№ ЦЭ6803 778899", true],
    ["011552-124", false],
    ["", false],
  ])("%j → %s", (answer, ok) => {
    expect(isCorrectAnswer("METER_SERIAL", answer, evidence)).toBe(ok);
  });
});

describe("last payment answer", () => {
  it("matches the last payment to the kopeck", () => {
    expect(isCorrectAnswer("LAST_PAYMENT", "1 234,56", evidence)).toBe(true);
    expect(isCorrectAnswer("LAST_PAYMENT", "987,00", evidence)).toBe(false);
  });
  it("has no right answer without payments", () => {
    expect(isCorrectAnswer("LAST_PAYMENT", "0", { ...evidence, lastPayment: null })).toBe(false);
  });
});
