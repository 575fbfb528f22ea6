import type { BillSummary } from "@lk/contract/accounts";
import type { Payment } from "@lk/contract/payments";
import { csvRubles, csvText, historyFileName, PAYMENT_STATUS_LABEL } from "@lk/domain";
import { formatIsoDate, formatMoscowDate } from "../../lib/dates.ts";
import type { Period } from "../../lib/period.ts";
import { billMonth, PAYMENT_CHANNEL_LABEL } from "./payment-labels.ts";

/** «История» → «Оплаты» → «Скачать CSV»: the payments on screen, in the consumption file's format. */
export function paymentsFile(payments: Payment[], accountNumber: string, period: Period) {
  const rows = payments.map((p) => [
    formatMoscowDate(p.paidAt),
    csvRubles(p.amountKopecks),
    PAYMENT_STATUS_LABEL[p.status],
    p.declineReason ?? "",
    PAYMENT_CHANNEL_LABEL[p.channel],
  ]);
  return {
    filename: historyFileName("oplaty", accountNumber, period),
    text: csvText(["Дата", "Сумма, ₽", "Статус", "Причина отказа", "Способ"], rows),
  };
}

/**
 * «История» → «Счета» → «Скачать CSV»: the bills on screen, the total as on paper (positive: to
 * pay; negative: overpaid).
 */
export function billsFile(bills: BillSummary[], accountNumber: string, period: Period) {
  const rows = bills.map((b) => [
    billMonth(b.period),
    formatMoscowDate(b.issuedAt),
    csvRubles(b.openingKopecks),
    csvRubles(b.chargesKopecks),
    csvRubles(b.totalKopecks),
    formatIsoDate(b.dueDate),
  ]);
  return {
    filename: historyFileName("scheta", accountNumber, period),
    text: csvText(
      ["Период", "Выставлен", "Входящий остаток, ₽", "Начислено, ₽", "Итого по счёту, ₽", "Оплатить до"],
      rows,
    ),
  };
}
