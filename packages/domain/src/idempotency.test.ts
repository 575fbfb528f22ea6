import { describe, expect, it } from "vitest";
import { paymentFingerprint, readingFingerprint, sameRequest } from "./idempotency.ts";

describe("idempotency fingerprints", () => {
  it("a retried payment is the same request", () => {
    const a = paymentFingerprint({ accountId: "acc", amountKopecks: 123_45 });
    expect(sameRequest(a, paymentFingerprint({ accountId: "acc", amountKopecks: 123_45 }))).toBe(true);
  });

  it.each([
    ["another amount", { accountId: "acc", amountKopecks: 999_00 }],
    ["another account", { accountId: "other", amountKopecks: 123_45 }],
    ["another way to pay", { accountId: "acc", amountKopecks: 123_45, method: "SBP" }],
  ])("a payment with %s is another request", (_, other) => {
    const a = paymentFingerprint({ accountId: "acc", amountKopecks: 123_45 });
    expect(sameRequest(a, paymentFingerprint(other))).toBe(false);
  });

  it("a reading typed the same way, zones in any order, is the same request", () => {
    const a = readingFingerprint({ meterId: "m", values: { T1: "1 234,5", T2: "10" } });
    expect(readingFingerprint({ meterId: "m", values: { T2: "10", T1: "1234.5" } })).toBe(a);
    expect(readingFingerprint({ meterId: "m", values: { T1: "1234.6", T2: "10" } })).not.toBe(a);
    expect(readingFingerprint({ meterId: "n", values: { T1: "1234.5", T2: "10" } })).not.toBe(a);
  });

  it("rows stored before fingerprints match any retry", () => {
    expect(sameRequest(null, "anything")).toBe(true);
  });
});
