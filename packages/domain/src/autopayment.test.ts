import { describe, expect, it } from "vitest";
import {
  AUTOPAYMENT_ENDINGS,
  autoPaymentActivation,
  autoPaymentApplyRefusal,
  cardBindingOutcome,
  isLiveAutoPayment,
} from "./autopayment.ts";

const at = (iso: string) => new Date(iso);

describe("when an application comes into force", () => {
  const bills = [at("2026-10-01T06:00:00Z"), at("2026-11-01T06:00:00Z"), at("2026-12-01T06:00:00Z")];
  it.each([
    ["made in the middle of a month: the next bill", "2026-10-15T10:00:00Z", "2026-11-01T06:00:00Z"],
    ["made a minute before a bill: that bill", "2026-11-01T05:59:00Z", "2026-11-01T06:00:00Z"],
    ["made the instant a bill run starts: that bill", "2026-11-01T06:00:00Z", "2026-11-01T06:00:00Z"],
    ["made after the last bill: not yet", "2026-12-02T00:00:00Z", null],
  ])("%s", (_, appliedAt, expected) => {
    expect(autoPaymentActivation(at(appliedAt), bills)?.toISOString() ?? null).toBe(
      expected === null ? null : at(expected).toISOString(),
    );
  });
  it("does not depend on the order the bills come in", () => {
    expect(autoPaymentActivation(at("2026-10-15T00:00:00Z"), [...bills].reverse())).toEqual(bills[1]);
  });
});

describe("applying and ending", () => {
  it("refuses terms other than those in force before anything else, then a second live application", () => {
    expect(autoPaymentApplyRefusal("2025-01", "2026-01", true)).toBe("TERMS_CHANGED");
    expect(autoPaymentApplyRefusal("2026-01", "2026-01", true)).toBe("AUTOPAYMENT_EXISTS");
    expect(autoPaymentApplyRefusal("2026-01", "2026-01", false)).toBeNull();
  });
  it("counts only APPLIED and ACTIVE as live", () => {
    expect((["APPLIED", "ACTIVE", "OFF", "WITHDRAWN"] as const).map(isLiveAutoPayment)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it("disables only an active service and annuls only an application not yet in force", () => {
    expect(AUTOPAYMENT_ENDINGS.disable).toMatchObject({ from: ["ACTIVE"], to: "OFF" });
    expect(AUTOPAYMENT_ENDINGS.annul).toMatchObject({ from: ["AWAITING_CARD", "APPLIED"], to: "WITHDRAWN" });
  });
});

describe("the card bound on the acquirer's page", () => {
  const now = new Date("2026-11-20T09:00:00Z");
  it.each([
    [
      "bound",
      { status: "SUCCEEDED" as const, token: "tok-succeeded-1", cardMask: "4111 11•• •••• 1111" },
      {
        status: "APPLIED",
        cardToken: "tok-succeeded-1",
        cardMask: "4111 11•• •••• 1111",
        appliedAt: now,
        lastNotice: null,
      },
    ],
    [
      "refused",
      { status: "DECLINED" as const, reason: "Банк не разрешил привязать карту.", token: null, cardMask: null },
      {
        lastNotice:
          "Карта не привязана: Банк не разрешил привязать карту. Привяжите другую карту или аннулируйте заявление.",
      },
    ],
    [
      "bound without its token",
      { status: "SUCCEEDED" as const, token: null, cardMask: null },
      {
        lastNotice:
          "Карта не привязана: Банк не вернул данные карты. Привяжите другую карту или аннулируйте заявление.",
      },
    ],
    ["not answered yet", { status: "PENDING" as const, token: null, cardMask: null }, null],
  ])("%s", (_, result, outcome) => {
    expect(cardBindingOutcome(result, now)).toEqual(outcome);
  });
});
