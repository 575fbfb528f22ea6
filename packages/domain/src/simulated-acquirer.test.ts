import { describe, expect, it } from "vitest";
import { TEST_CARDS } from "./payments.ts";
import {
  ACQUIRER_ANSWER_DELAY_MS,
  ACQUIRER_REASONS,
  type AcquirerPayment,
  acquirerCallbackText,
  acquirerDeadline,
  acquirerNow,
  acquirerResult,
  answerInBankApp,
  callbackKind,
  cancelOnPage,
  chargeWithToken,
  confirmSecureCode,
  enterCard,
  newAcquirerPage,
  PAYMENT_PAGE_TTL_MS,
  pageDone,
  SBP_LINK_TTL_MS,
  SECURE_CODE,
  tokenOutcome,
} from "./simulated-acquirer.ts";

const T0 = new Date("2026-11-20T09:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const page = (over: Partial<AcquirerPayment> = {}): AcquirerPayment => ({
  ...newAcquirerPage({
    gatewayRef: "sim-1",
    orderId: "order-1",
    kind: "PAYMENT",
    amountKopecks: 10_000,
    returnUrl: "/accounts/a?payment=order-1",
    createdAt: T0,
  }),
  ...over,
});

/** The card, then the code: the page after both. */
function payWith(number: string, p: AcquirerPayment = page()): AcquirerPayment {
  const card = enterCard(p, { number });
  if ("error" in card) throw new Error(card.error);
  return confirmSecureCode(card.payment, SECURE_CODE, T0, () => "t").payment;
}

describe("the simulated acquirer's page", () => {
  it.each([
    [TEST_CARDS.success, { status: "SUCCEEDED" }],
    [TEST_CARDS.declined, { status: "DECLINED", reason: "Банк отклонил платёж: недостаточно средств." }],
    [TEST_CARDS.timeout, { status: "PENDING" }],
    ["5555555555554444", { status: "SUCCEEDED" }],
  ])("card %s, then the right code: %j", (number, result) => {
    expect(acquirerResult(payWith(number))).toEqual(result);
  });

  it("keeps what the card will do and its mask, never its number", () => {
    const card = enterCard(page(), { number: TEST_CARDS.success });
    expect(card).toEqual({
      payment: expect.objectContaining({
        status: "AWAITING_3DS",
        cardOutcome: "SUCCEEDED",
        cardMask: "4111 11•• •••• 1111",
      }),
    });
    expect(JSON.stringify(card)).not.toContain(TEST_CARDS.success);
  });

  it("leaves a mistyped number on the page with a message", () => {
    expect(enterCard(page(), { number: "4111111111111112" })).toEqual({
      error: "Номер карты введён с ошибкой: проверьте цифры.",
    });
  });

  it("asks again after a wrong code, counts down, and declines on the third", () => {
    const waiting = (enterCard(page(), { number: TEST_CARDS.success }) as { payment: AcquirerPayment }).payment;
    const first = confirmSecureCode(waiting, "00000", T0, () => "t");
    expect(first).toEqual({
      payment: expect.objectContaining({ status: "AWAITING_3DS", secureAttempts: 1 }),
      error: "Неверный код. Осталось попыток: 2.",
    });
    const second = confirmSecureCode(first.payment, "11111", T0, () => "t");
    expect(second.error).toBe("Неверный код. Осталось попыток: 1.");
    const third = confirmSecureCode(second.payment, "22222", T0, () => "t");
    expect(third.payment).toMatchObject({ status: "DECLINED", reason: ACQUIRER_REASONS.secureFailed });
    expect(third.error).toBeUndefined();
  });

  it("expires a page left unfinished after 20 minutes, to the millisecond", () => {
    expect(acquirerNow(page(), later(PAYMENT_PAGE_TTL_MS - 1)).status).toBe("CREATED");
    expect(acquirerNow(page(), later(PAYMENT_PAGE_TTL_MS))).toMatchObject({
      status: "DECLINED",
      reason: ACQUIRER_REASONS.expired,
    });
    expect(acquirerNow(page({ status: "AWAITING_3DS" }), later(PAYMENT_PAGE_TTL_MS)).status).toBe("DECLINED");
    // A finished page does not expire.
    expect(acquirerNow(page({ status: "SUCCEEDED" }), later(PAYMENT_PAGE_TTL_MS * 10)).status).toBe("SUCCEEDED");
  });

  it("a slow bank answers success 3 s after 3-D Secure", () => {
    const pending = payWith(TEST_CARDS.timeout);
    expect(acquirerNow(pending, later(ACQUIRER_ANSWER_DELAY_MS - 1)).status).toBe("PENDING");
    expect(acquirerNow(pending, later(ACQUIRER_ANSWER_DELAY_MS)).status).toBe("SUCCEEDED");
  });

  it("«Отменить» declines an unfinished page and changes nothing on a finished one", () => {
    expect(cancelOnPage(page())).toMatchObject({ status: "DECLINED", reason: ACQUIRER_REASONS.cancelled });
    const paid = payWith(TEST_CARDS.success);
    expect(cancelOnPage(paid)).toBe(paid);
    expect(enterCard(paid, { number: TEST_CARDS.declined })).toEqual({ payment: paid });
  });

  it("a binding gives a token that says how the card behaves; a declined card binds nothing", () => {
    const bound = payWith(TEST_CARDS.success, page({ kind: "BINDING", amountKopecks: 0 }));
    expect(bound).toMatchObject({ status: "SUCCEEDED", token: "tok-succeeded-t" });
    expect(tokenOutcome(bound.token ?? "")).toBe("SUCCEEDED");
    expect(payWith(TEST_CARDS.declined, page({ kind: "BINDING" }))).toMatchObject({
      status: "DECLINED",
      reason: ACQUIRER_REASONS.bindingDeclined,
      token: null,
    });
    expect(tokenOutcome("someone else's")).toBeNull();
  });

  it("СБП: the bank app pays or declines once; an unpaid link expires after 15 minutes; no card is taken", () => {
    const link = page({ kind: "SBP" });
    expect(answerInBankApp(link, true).status).toBe("SUCCEEDED");
    expect(answerInBankApp(link, false)).toMatchObject({ status: "DECLINED", reason: ACQUIRER_REASONS.sbpDeclined });
    const paid = answerInBankApp(link, true);
    expect(answerInBankApp(paid, false)).toBe(paid);
    expect(answerInBankApp(page(), true).status).toBe("CREATED");
    expect(enterCard(link, { number: TEST_CARDS.success })).toEqual({ payment: link });
    expect(acquirerDeadline(link)).toEqual(later(SBP_LINK_TTL_MS));
    expect(acquirerNow(link, later(SBP_LINK_TTL_MS - 1)).status).toBe("CREATED");
    expect(acquirerNow(link, later(SBP_LINK_TTL_MS))).toMatchObject({
      status: "DECLINED",
      reason: ACQUIRER_REASONS.sbpExpired,
    });
    expect(callbackKind("SBP")).toBe("PAYMENT");
    expect(callbackKind("BINDING")).toBe("BINDING");
  });

  it.each([
    ["tok-succeeded-1", { status: "SUCCEEDED" }],
    ["tok-declined-1", { status: "DECLINED", reason: "Банк отклонил платёж: недостаточно средств." }],
    ["tok-timeout-1", { status: "PENDING" }],
    ["not one of ours", { status: "DECLINED", reason: "Карта не найдена." }],
  ])("a saved card's charge by token %s: %j, and once only", (token, result) => {
    const charged = chargeWithToken(page(), token, T0);
    expect(acquirerResult(charged)).toEqual(result);
    expect(chargeWithToken(charged, "tok-succeeded-2", T0)).toBe(charged);
  });

  it("is done with the page once it is answered or waits for a slow bank", () => {
    expect([page(), page({ status: "AWAITING_3DS" })].map(pageDone)).toEqual([false, false]);
    expect(["PENDING", "SUCCEEDED", "DECLINED"].map((status) => pageDone(page({ status } as never)))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it("signs the callback's fields in a fixed order, the reason last", () => {
    expect(
      acquirerCallbackText({ gatewayRef: "sim-1", orderId: "o", kind: "PAYMENT", status: "DECLINED", reason: "a|b" }),
    ).toBe("sim-1|o|PAYMENT|DECLINED|a|b");
    expect(
      acquirerCallbackText({ gatewayRef: "sim-1", orderId: "o", kind: "PAYMENT", status: "SUCCEEDED", reason: null }),
    ).toBe("sim-1|o|PAYMENT|SUCCEEDED|");
  });
});
