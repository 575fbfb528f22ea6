import { describe, expect, it } from "vitest";
import { billsFile, paymentsFile } from "./history-csv.ts";

const period = { from: "2026-01-01", to: "2026-11-30" };
const lines = (text: string) => text.replace(/^\uFEFF/, "").split("\r\n");

describe("«Скачать CSV» on «Оплаты» and «Счета»", () => {
  it("writes the payments as on screen: Moscow date, rubles with a comma, status, why declined, channel", () => {
    const file = paymentsFile(
      [
        {
          id: "p1",
          paidAt: "2026-11-18T21:30:00.000Z",
          amountKopecks: 245_017,
          status: "DECLINED",
          channel: "PORTAL",
          declineReason: "Недостаточно средств; обратитесь в банк",
        },
        {
          id: "p2",
          paidAt: "2026-10-05T09:00:00.000Z",
          amountKopecks: 100_000,
          status: "ACCEPTED",
          channel: "BANK",
          declineReason: null,
        },
      ],
      "7700000001",
      period,
    );
    expect(file.filename).toBe("oplaty-7700000001-2026-01-01-2026-11-30.csv");
    expect(file.text.startsWith("\uFEFF")).toBe(true);
    expect(lines(file.text)).toEqual([
      "Дата;Сумма, ₽;Статус;Причина отказа;Способ",
      '19.11.2026;2450,17;Отклонён;"Недостаточно средств; обратитесь в банк";Личный кабинет',
      "05.10.2026;1000,00;Зачислен;;Банк",
      "",
    ]);
  });

  it("writes the bills with the month, the issue and due dates and the sums, an overpayment negative", () => {
    const file = billsFile(
      [
        {
          id: "b1",
          period: "2026-10",
          issuedAt: "2026-11-01T06:00:00.000Z",
          dueDate: "2026-11-10",
          openingKopecks: -1_000,
          chargesKopecks: 150_050,
          totalKopecks: 149_050,
        },
      ],
      "7700000001",
      period,
    );
    expect(file.filename).toBe("scheta-7700000001-2026-01-01-2026-11-30.csv");
    expect(lines(file.text)).toEqual([
      "Период;Выставлен;Входящий остаток, ₽;Начислено, ₽;Итого по счёту, ₽;Оплатить до",
      "Октябрь 2026;01.11.2026;-10,00;1500,50;1490,50;10.11.2026",
      "",
    ]);
  });
});
