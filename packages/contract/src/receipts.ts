import type { Notice } from "./messages.ts";

// Apart from messages.ts (whose request letters import the requests' schemas), so that the
// domain's payments module, which the first screen loads, carries no schema with it.

/**
 * The receipt (чек) for an accepted payment, to the customer's e-mail (54-ФЗ: the buyer gets it
 * electronically). Amount and time come formatted (@lk/domain's paymentReceipt does it). The demo's
 * receipt is not fiscal: no fiscal drive signs it.
 */
export function receiptMessage(
  to: string,
  receipt: { accountNumber: string; amount: string; paidAt: string; how: string; paymentId: string },
): Notice {
  return {
    channel: "EMAIL",
    kind: "RECEIPT",
    to,
    subject: `Чек об оплате ${receipt.amount} по лицевому счёту № ${receipt.accountNumber}`,
    text: [
      "Кассовый чек. Приход.",
      `Оплата электроэнергии по лицевому счёту № ${receipt.accountNumber}`,
      `Сумма: ${receipt.amount}`,
      `Способ: ${receipt.how}`,
      `Дата и время: ${receipt.paidAt} (МСК)`,
      `Номер платежа: ${receipt.paymentId}`,
      "",
      "Демо-версия: чек не фискальный.",
    ].join("\n"),
  };
}
