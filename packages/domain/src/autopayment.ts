import type { AutoPayment } from "@lk/contract/payments";
import type { AcquirerResult } from "./simulated-acquirer.ts";

// «Автоплатеж»: the application's life, decided once for the API and the mock (issues #19, #20).
//   AWAITING_CARD ──(the card bound on the acquirer's page)──▶ APPLIED
//   APPLIED ──(the first bill issued after it)──▶ ACTIVE ──«Отключить»──▶ OFF
//   AWAITING_CARD, APPLIED ──«Аннулировать»──▶ WITHDRAWN
// An account has one live application (AWAITING_CARD, APPLIED or ACTIVE) at a time, whoever of its
// holders made it.

export type AutoPaymentStatus = "AWAITING_CARD" | "APPLIED" | "ACTIVE" | "OFF" | "WITHDRAWN";

/** The statuses of an application that still counts: one per account at most. */
export const LIVE_AUTOPAYMENT_STATUSES = [
  "AWAITING_CARD",
  "APPLIED",
  "ACTIVE",
] as const satisfies readonly AutoPaymentStatus[];

export const isLiveAutoPayment = (status: AutoPaymentStatus): boolean =>
  (LIVE_AUTOPAYMENT_STATUSES as readonly AutoPaymentStatus[]).includes(status);

/**
 * When an application comes into force: with the first bill issued after it was made (the terms,
 * point 3; a bill run started at the very instant counts), which is also the first bill it pays. Null while no such bill has been issued. The
 * API's bill run asks it of the bill it is issuing; the mock, of its world's bills.
 */
export function autoPaymentActivation(appliedAt: Date, billsIssuedAt: readonly Date[]): Date | null {
  let first: Date | null = null;
  for (const issuedAt of billsIssuedAt) {
    if (issuedAt >= appliedAt && (first === null || issuedAt < first)) first = issuedAt;
  }
  return first;
}

/** «Подать заявление»: why it is refused (the terms changed since the page showed them; one live already), or null. */
export function autoPaymentApplyRefusal(
  termsVersion: string,
  termsInForce: string,
  hasLive: boolean,
): "TERMS_CHANGED" | "AUTOPAYMENT_EXISTS" | null {
  if (termsVersion !== termsInForce) return "TERMS_CHANGED";
  if (hasLive) return "AUTOPAYMENT_EXISTS";
  return null;
}

export type AutoPaymentEnding = "disable" | "annul";

/** «Отключить» stops an active service; «Аннулировать» withdraws an application not yet in force. */
export const AUTOPAYMENT_ENDINGS = {
  disable: {
    from: ["ACTIVE"],
    to: "OFF",
    wrongState:
      "Отключить можно только действующий автоплатёж. Заявление, которое ещё не вступило в силу, можно аннулировать.",
  },
  annul: {
    from: ["AWAITING_CARD", "APPLIED"],
    to: "WITHDRAWN",
    wrongState:
      "Аннулировать можно только заявление, которое ещё не вступило в силу. Действующий автоплатёж можно отключить.",
  },
} as const satisfies Record<
  AutoPaymentEnding,
  { from: readonly AutoPaymentStatus[]; to: AutoPaymentStatus; wrongState: string }
>;

/** «Привязать карту» again is only for an application still waiting for its card. */
export const REBIND_WRONG_STATE = "Карта уже привязана: заявление ждёт ближайшего счёта или автоплатёж уже работает.";

/**
 * What the acquirer's answer about a card binding does to an application waiting for it: bound,
 * it becomes the application (made now: it comes into force with the first bill after this);
 * refused, it waits for another card with the bank's reason; no answer yet, nothing.
 */
export function cardBindingOutcome(
  result: AcquirerResult & { token: string | null; cardMask: string | null },
  now: Date,
):
  | { status: "APPLIED"; cardToken: string; cardMask: string; appliedAt: Date; lastNotice: null }
  | { lastNotice: string }
  | null {
  if (result.status === "PENDING") return null;
  if (result.status === "SUCCEEDED" && result.token && result.cardMask) {
    return { status: "APPLIED", cardToken: result.token, cardMask: result.cardMask, appliedAt: now, lastNotice: null };
  }
  const reason = result.status === "DECLINED" ? result.reason : "Банк не вернул данные карты.";
  return { lastNotice: `Карта не привязана: ${reason} Привяжите другую карту или аннулируйте заявление.` };
}

/** Where the acquirer's page sends the customer back after a binding: the account page. */
export const autoPaymentReturnPath = (accountId: string) => `/accounts/${accountId}?autopay=card`;

/** The reason recorded when the customer withdraws an application. */
export const AUTOPAY_ANNUL_REASON = "Заявление аннулировано клиентом";

type Instant = Date | string;
const iso = (at: Instant) => (typeof at === "string" ? at : at.toISOString());

/** An application as the contract shows it, from the API's row (dates) or the mock's (ISO text). */
export function autoPaymentView(
  a: Omit<AutoPayment, "appliedAt" | "activatedAt" | "endedAt"> & {
    appliedAt: Instant;
    activatedAt: Instant | null;
    endedAt: Instant | null;
  },
): AutoPayment {
  return {
    id: a.id,
    status: a.status,
    cardMask: a.cardMask,
    maxAmountKopecks: a.maxAmountKopecks,
    receiptEmail: a.receiptEmail,
    termsVersion: a.termsVersion,
    appliedAt: iso(a.appliedAt),
    activatedAt: a.activatedAt === null ? null : iso(a.activatedAt),
    endedAt: a.endedAt === null ? null : iso(a.endedAt),
    lastNotice: a.lastNotice,
  };
}
