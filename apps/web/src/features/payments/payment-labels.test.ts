import { describe, expect, it } from "vitest";
import { billMonth, billTotal, formatKwh, openingLine, PAYMENT_CHANNEL_LABEL } from "./payment-labels.ts";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("the words of «Оплаты» and «Счета»", () => {
  it("names a bill's month with a capital, as a table cell", () => {
    expect(billMonth("2026-10")).toBe("Октябрь 2026");
    expect(billMonth("2027-01")).toBe("Январь 2027");
  });

  it("says «Итого по счёту» for an amount owed and «Итого переплата» for an overpayment, never a minus", () => {
    expect(billTotal(123_456)).toEqual({ label: "Итого по счёту", amount: expect.any(String) });
    expect(plain(billTotal(123_456).amount)).toBe("1 234,56 ₽");
    expect(billTotal(-10_000).label).toBe("Итого переплата");
    expect(plain(billTotal(-10_000).amount)).toBe("100,00 ₽");
    expect(billTotal(0).label).toBe("Итого по счёту");
  });

  it("carries over a debt or an advance", () => {
    expect(openingLine(5_000).label).toBe("Задолженность на начало периода");
    expect(openingLine(-5_000).label).toBe("Аванс на начало периода");
    expect(plain(openingLine(-5_000).amount)).toBe("50,00 ₽");
  });

  it("prints kWh with a decimal comma, grouped, without trailing zeros", () => {
    expect(plain(formatKwh("1234.500"))).toBe("1 234,5");
    expect(formatKwh("150.000")).toBe("150");
    expect(formatKwh("0.125")).toBe("0,125");
  });

  it("names every channel", () => {
    expect(Object.values(PAYMENT_CHANNEL_LABEL)).toEqual(["Личный кабинет", "Автоплатёж", "Банк", "Касса"]);
  });
});
