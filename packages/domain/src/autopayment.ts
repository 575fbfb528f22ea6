import type { AutoPayment } from "@lk/contract/payments";

// «Автоплатеж»: the application's life, decided once for the API and the mock (issue #19).
//   APPLIED ──(the first bill issued after it)──▶ ACTIVE ──«Отключить»──▶ OFF
//      └──«Аннулировать»──▶ WITHDRAWN
// An account has one live application (APPLIED or ACTIVE) at a time, whoever of its holders made it.

export type AutoPaymentStatus = "APPLIED" | "ACTIVE" | "OFF" | "WITHDRAWN";

/** The statuses of an application that still counts: one per account at most. */
export const LIVE_AUTOPAYMENT_STATUSES = ["APPLIED", "ACTIVE"] as const satisfies readonly AutoPaymentStatus[];

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
    from: "ACTIVE",
    to: "OFF",
    wrongState:
      "Отключить можно только действующий автоплатёж. Заявление, которое ещё не вступило в силу, можно аннулировать.",
  },
  annul: {
    from: "APPLIED",
    to: "WITHDRAWN",
    wrongState:
      "Аннулировать можно только заявление, которое ещё не вступило в силу. Действующий автоплатёж можно отключить.",
  },
} as const satisfies Record<AutoPaymentEnding, { from: AutoPaymentStatus; to: AutoPaymentStatus; wrongState: string }>;

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
