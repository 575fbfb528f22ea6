import { describe, expect, it } from "vitest";
import { AutopayForm, amountDue, PayForm } from "./payment-forms.ts";

describe("the «Оплата» form, before anything is sent", () => {
  it("turns rubles typed in any usual way into kopecks; the card is not the portal's form's", () => {
    expect(PayForm.parse({ amount: "1 234,56" })).toEqual({ amount: 123_456 });
    expect(PayForm.parse({ amount: "1234.5 ₽" }).amount).toBe(123_450);
  });

  it.each([
    ["", "Укажите сумму."],
    ["двести", "Введите сумму в рублях, например 1 234,56."],
    ["0,50", "Минимальная сумма платежа — 1,00 ₽."],
    ["-5", "Минимальная сумма платежа — 1,00 ₽."],
    ["2 000 000", "Максимальная сумма платежа — 1 000 000,00 ₽."],
  ])("names what is wrong with the amount %j", (amount, message) => {
    const result = PayForm.safeParse({ amount });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["amount", message]]);
  });

  it("autopayment's form is the maximum and the e-mail, in Russian when wrong, and no card", () => {
    const result = AutopayForm.safeParse({ maxAmount: "50", receiptEmail: "не почта" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["maxAmount", "receiptEmail"]);
    expect(result.error?.issues[0]?.message).toBe("Максимальная сумма — не меньше 100,00 ₽.");
    expect(AutopayForm.parse({ maxAmount: "5 000", receiptEmail: "a@b.ru" })).toEqual({
      maxAmount: 500_000,
      receiptEmail: "a@b.ru",
    });
  });

  it("offers the amount due, and nothing when nothing is due", () => {
    expect(amountDue(123_456).replace(/[\u00a0\u202f]/g, " ")).toBe("1 234,56");
    expect(amountDue(0)).toBe("");
    expect(amountDue(-500)).toBe("");
  });
});
