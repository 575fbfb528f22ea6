import { describe, expect, it } from "vitest";
import {
  autopayDecision,
  canMovePayment,
  cardMask,
  luhnValid,
  type PaymentStatus,
  simulatedOutcome,
  TEST_CARDS,
} from "./payments.ts";

describe("payment statuses move only forward", () => {
  const all: PaymentStatus[] = ["PROCESSING", "ACCEPTED", "DECLINED", "REFUNDED"];
  const allowed = new Set(["PROCESSING>ACCEPTED", "PROCESSING>DECLINED", "ACCEPTED>REFUNDED"]);
  for (const from of all) {
    for (const to of all) {
      it(`${from} → ${to}: ${allowed.has(`${from}>${to}`)}`, () => {
        expect(canMovePayment(from, to)).toBe(allowed.has(`${from}>${to}`));
      });
    }
  }
});

describe("the simulated gateway's cards", () => {
  it.each([
    [TEST_CARDS.success, "SUCCEEDED"],
    [TEST_CARDS.declined, "DECLINED"],
    [TEST_CARDS.timeout, "TIMEOUT"],
    ["4111111111111112", "DECLINED"],
    ["5555555555554444", "SUCCEEDED"],
  ])("%s → %s", (card, kind) => expect(simulatedOutcome(card).kind).toBe(kind));
  it("checks Luhn", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111121")).toBe(false);
  });
  it("masks the card", () => expect(cardMask("4111111111111111")).toBe("4111 11•• •••• 1111"));
});

describe("autopayment on a new bill", () => {
  it("charges a bill up to the maximum", () =>
    expect(autopayDecision(250_000, 300_000, "октябрь 2026")).toEqual({ charge: 250_000 }));
  it("charges exactly the maximum", () =>
    expect(autopayDecision(300_000, 300_000, "октябрь 2026")).toEqual({ charge: 300_000 }));
  it("does not charge above the maximum and says why", () => {
    const d = autopayDecision(300_001, 300_000, "октябрь 2026");
    expect("skip" in d && d.skip.replace(/\s/g, " ")).toMatch(
      /больше максимальной суммы автоплатежа 3 000,00 ₽: деньги не списаны/,
    );
  });
  it("does not charge an overpaid bill", () =>
    expect("skip" in autopayDecision(-100, 300_000, "октябрь 2026")).toBe(true));
});
