import { describe, expect, it } from "vitest";
import { balanceText, balanceWording } from "./balance.ts";

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("balance wording", () => {
  it("a positive balance is owed", () => {
    expect(plain(balanceText(123456))).toBe("К оплате 1 234,56 ₽");
    expect(balanceWording(123456).tone).toBe("due");
  });
  it("a negative balance is an overpayment, printed without a minus", () => {
    expect(plain(balanceText(-50000))).toBe("Переплата 500,00 ₽");
  });
  it("zero says there is no debt and shows no amount", () => {
    expect(balanceText(0)).toBe("Задолженности нет");
    expect(balanceWording(0).amount).toBeNull();
  });
});
