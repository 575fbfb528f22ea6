import type { Notice } from "@lk/contract/messages";
import { receiptMessage } from "@lk/contract/receipts";
import { formatKopecks } from "./money.ts";
import { formatMoscowDateTime } from "./supplier-time.ts";

export type PaymentStatus = "PROCESSING" | "ACCEPTED" | "DECLINED" | "REFUNDED";

/** The real portal's words («Зачислен» is its word for an accepted payment). */
export const PAYMENT_STATUS_LABEL: Record<PaymentStatus, string> = {
  PROCESSING: "В обработке",
  ACCEPTED: "Зачислен",
  DECLINED: "Отклонён",
  REFUNDED: "Возвращён",
};

/** Statuses only move forward: в обработке → зачислен / отклонён; зачислен → возвращён. */
export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return (
    (from === "PROCESSING" && (to === "ACCEPTED" || to === "DECLINED")) || (from === "ACCEPTED" && to === "REFUNDED")
  );
}

/**
 * Cards of the simulated gateway (demo and tests): what each does. Any other number that passes the
 * Luhn check succeeds; one that fails it is declined as mistyped.
 */
export const TEST_CARDS = {
  success: "4111111111111111",
  declined: "4000000000000002",
  timeout: "4000000000000119",
} as const;

export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return number.length > 0 && sum % 10 === 0;
}

export type SimulatedOutcome = { kind: "SUCCEEDED" } | { kind: "DECLINED"; reason: string } | { kind: "TIMEOUT" };

/** The simulated bank's words for a declined card (a payment, or a saved card's charge). */
export const BANK_DECLINED_REASON = "Банк отклонил платёж: недостаточно средств.";

/** The demo's cards as the payment page lists them, grouped by four. */
export const TEST_CARDS_HINT = (() => {
  const spaced = (n: string) => n.replace(/(\d{4})(?=\d)/g, "$1 ");
  return `${spaced(TEST_CARDS.success)} — успешно, ${spaced(TEST_CARDS.declined)} — отказ банка, ${spaced(TEST_CARDS.timeout)} — ответ задерживается.`;
})();

export function simulatedOutcome(cardNumber: string): SimulatedOutcome {
  if (!luhnValid(cardNumber)) return { kind: "DECLINED", reason: "Номер карты введён с ошибкой." };
  if (cardNumber === TEST_CARDS.declined) return { kind: "DECLINED", reason: BANK_DECLINED_REASON };
  if (cardNumber === TEST_CARDS.timeout) return { kind: "TIMEOUT" };
  return { kind: "SUCCEEDED" };
}

/** «4111 11•• •••• 1111» */
export function cardMask(number: string): string {
  return `${number.slice(0, 4)} ${number.slice(4, 6)}•• •••• ${number.slice(-4)}`;
}

/** The terms of «Автоплатеж», versioned: an application records the version it accepted. */
export const AUTOPAY_TERMS = {
  version: "2026-01",
  text: [
    "1. Автоплатёж оплачивает каждый новый счёт по лицевому счёту с привязанной банковской карты в день выставления счёта.",
    "2. Списывается сумма «Итого по счёту», но не больше указанной вами максимальной суммы. Если счёт больше максимальной суммы, деньги не списываются, и мы сообщаем об этом: такой счёт нужно оплатить самостоятельно.",
    "3. Заявление вступает в силу с ближайшего выставленного счёта. До этого его можно аннулировать.",
    "4. Отключить автоплатёж можно в любой момент кнопкой «Отключить»; уже списанные платежи при этом не возвращаются.",
    "5. Чек о каждом списании отправляется на указанный адрес электронной почты.",
  ].join("\n"),
} as const;

export const AUTOPAY_STOP_REASON_LABEL = {
  CHANGED_CARD: "Сменилась банковская карта",
  PAY_MYSELF: "Буду оплачивать сам(а)",
  TOO_EXPENSIVE: "Списания слишком большие",
  MOVING: "Переезжаю",
  OTHER: "Другая причина",
} as const;

/** What an active autopayment does with a new bill: charge it, or tell the customer why not. */
export function autopayDecision(
  totalKopecks: number,
  maxKopecks: number,
  period: string,
): { charge: number } | { skip: string } {
  if (totalKopecks <= 0)
    return { skip: `Счёт за ${period} оплачивать не нужно: переплата ${formatKopecks(-totalKopecks)}.` };
  if (totalKopecks > maxKopecks) {
    return {
      skip: `Счёт за ${period} на ${formatKopecks(totalKopecks)} больше максимальной суммы автоплатежа ${formatKopecks(maxKopecks)}: деньги не списаны, оплатите счёт самостоятельно.`,
    };
  }
  return { charge: totalKopecks };
}

/** The receipt (чек) of an accepted payment, to the customer's e-mail (or autopayment's receipt address). */
export function paymentReceipt(
  to: string,
  payment: { id: string; amountKopecks: number; paidAt: Date; channel: "PORTAL" | "AUTOPAY" | "BANK" | "CASH" },
  accountNumber: string,
): Notice & { dedupeKey: string } {
  return {
    ...receiptMessage(to, {
      accountNumber,
      amount: formatKopecks(payment.amountKopecks),
      paidAt: formatMoscowDateTime(payment.paidAt),
      how: payment.channel === "AUTOPAY" ? "автоплатёж с привязанной карты" : "онлайн в личном кабинете",
      paymentId: payment.id,
    }),
    // One receipt per payment, however many times its acceptance is reported.
    dedupeKey: `receipt:${payment.id}`,
  };
}
