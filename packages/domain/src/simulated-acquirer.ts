import { BANK_DECLINED_REASON, cardMask, simulatedOutcome } from "./payments.ts";

/**
 * The simulated acquirer's hosted payment page, as a state machine the API's simulator and the
 * mock's both run. The customer types the card on the acquirer's page, never the portal's: the
 * portal creates a payment, sends the customer to `/acquirer/pay/<ref>`, and learns the result
 * from the acquirer (a signed callback, and the status it answers when asked).
 *
 *   CREATED ─card─▶ AWAITING_3DS ─code─▶ SUCCEEDED | DECLINED | PENDING ─(3 s)─▶ SUCCEEDED
 *      └──────────── cancel, 20 minutes, 3 wrong codes ──────────────▶ DECLINED
 *
 * A binding (autopayment's card) is the same page for no money: its success gives a token.
 *
 * СБП: no card and no page of ours to fill in. The acquirer gives a payment link (shown as a QR
 * code); the customer's bank app opens it and the customer confirms or declines there:
 *
 *   CREATED ─bank app: «Оплатить»─▶ SUCCEEDED,  ─«Отклонить»─▶ DECLINED,  ─(15 minutes)─▶ DECLINED
 */
export type AcquirerStatus = "CREATED" | "AWAITING_3DS" | "PENDING" | "SUCCEEDED" | "DECLINED";
/** A card payment, a card binding (autopayment), or a payment by the Faster Payments System (СБП). */
export type AcquirerKind = "PAYMENT" | "BINDING" | "SBP";
export type CardOutcome = "SUCCEEDED" | "DECLINED" | "TIMEOUT";

export interface AcquirerPayment {
  gatewayRef: string;
  orderId: string;
  kind: AcquirerKind;
  amountKopecks: number;
  status: AcquirerStatus;
  reason: string | null;
  /** What the typed card will do once 3-D Secure passes (the number itself is not kept). */
  cardOutcome: CardOutcome | null;
  cardMask: string | null;
  secureAttempts: number;
  /** For a binding that succeeded: what autopayment charges later. */
  token: string | null;
  /** Where the customer goes back to when the page is done (a path of the portal). */
  returnUrl: string;
  createdAt: Date;
  pendingSince: Date | null;
}

/** The one-time code of the simulated 3-D Secure step (the demo shows it on the page). */
export const SECURE_CODE = "12345";
export const SECURE_CODE_ATTEMPTS = 3;
/** An unfinished payment page expires after this: the portal's payment is declined, no money taken. */
export const PAYMENT_PAGE_TTL_MS = 20 * 60_000;
/** An СБП payment link (its QR code) is valid this long; then the payment is declined, no money taken. */
export const SBP_LINK_TTL_MS = 15 * 60_000;
/** A "timeout" card's bank answers (success) this long after 3-D Secure. */
export const ACQUIRER_ANSWER_DELAY_MS = 3_000;

export const ACQUIRER_REASONS = {
  cancelled: "Оплата отменена на странице банка.",
  expired: "Время на оплату истекло: данные карты не были введены за 20 минут.",
  secureFailed: "Платёж не подтверждён: трижды введён неверный код 3-D Secure.",
  bindingDeclined: "Банк не разрешил привязать карту.",
  sbpExpired: "Время оплаты по QR-коду истекло: платёж не подтверждён в приложении банка.",
  sbpDeclined: "Платёж отклонён в приложении банка.",
} as const;

/** A new page (or СБП link) for an order: nothing typed yet. */
export function newAcquirerPage(
  order: Pick<AcquirerPayment, "gatewayRef" | "orderId" | "kind" | "amountKopecks" | "returnUrl" | "createdAt">,
): AcquirerPayment {
  return {
    ...order,
    status: "CREATED",
    reason: null,
    cardOutcome: null,
    cardMask: null,
    secureAttempts: 0,
    token: null,
    pendingSince: null,
  };
}

/** Until when a page (or an СБП link) waits for the customer. */
export const acquirerDeadline = (p: Pick<AcquirerPayment, "kind" | "createdAt">): Date =>
  new Date(p.createdAt.getTime() + (p.kind === "SBP" ? SBP_LINK_TTL_MS : PAYMENT_PAGE_TTL_MS));

/** The status the portal may rely on: Done (success or decline), or still waiting. */
export type AcquirerResult = { status: "SUCCEEDED" } | { status: "DECLINED"; reason: string } | { status: "PENDING" };

export const isFinished = (p: AcquirerPayment) => p.status === "SUCCEEDED" || p.status === "DECLINED";

/** The page as it stands at `now`: a page left too long expires, a slow bank's answer arrives. */
export function acquirerNow(p: AcquirerPayment, now: Date): AcquirerPayment {
  if ((p.status === "CREATED" || p.status === "AWAITING_3DS") && now >= acquirerDeadline(p)) {
    const reason = p.kind === "SBP" ? ACQUIRER_REASONS.sbpExpired : ACQUIRER_REASONS.expired;
    return { ...p, status: "DECLINED", reason };
  }
  if (
    p.status === "PENDING" &&
    p.pendingSince &&
    now.getTime() - p.pendingSince.getTime() >= ACQUIRER_ANSWER_DELAY_MS
  ) {
    return { ...p, status: "SUCCEEDED" };
  }
  return p;
}

export function acquirerResult(p: AcquirerPayment): AcquirerResult {
  if (p.status === "SUCCEEDED") return { status: "SUCCEEDED" };
  if (p.status === "DECLINED") return { status: "DECLINED", reason: p.reason ?? "Банк отклонил платёж." };
  return { status: "PENDING" };
}

/**
 * The card typed on the page (already in CardInput's shape). A mistyped number stays on the page
 * with a message; any other card goes on to 3-D Secure, and what it will do is remembered without
 * its number.
 */
export function enterCard(
  p: AcquirerPayment,
  card: { number: string },
): { payment: AcquirerPayment } | { error: string } {
  if (p.status !== "CREATED" || p.kind === "SBP") return { payment: p };
  const outcome = simulatedOutcome(card.number);
  if (outcome.kind === "DECLINED" && outcome.reason === "Номер карты введён с ошибкой.") {
    return { error: "Номер карты введён с ошибкой: проверьте цифры." };
  }
  return {
    payment: { ...p, status: "AWAITING_3DS", cardOutcome: outcome.kind, cardMask: cardMask(card.number) },
  };
}

/**
 * The 3-D Secure code. Right: the bank's answer the card was chosen for (a binding gets its token
 * from `newToken`). Wrong: the page asks again, and the third wrong code declines.
 */
export function confirmSecureCode(
  p: AcquirerPayment,
  code: string,
  now: Date,
  newToken: () => string,
): { payment: AcquirerPayment; error?: string } {
  if (p.status !== "AWAITING_3DS") return { payment: p };
  if (code.trim() !== SECURE_CODE) {
    const attempts = p.secureAttempts + 1;
    if (attempts >= SECURE_CODE_ATTEMPTS) {
      return { payment: { ...p, secureAttempts: attempts, status: "DECLINED", reason: ACQUIRER_REASONS.secureFailed } };
    }
    const left = SECURE_CODE_ATTEMPTS - attempts;
    return {
      payment: { ...p, secureAttempts: attempts },
      error: `Неверный код. Осталось попыток: ${left}.`,
    };
  }
  if (p.cardOutcome === "DECLINED") {
    const reason = p.kind === "BINDING" ? ACQUIRER_REASONS.bindingDeclined : BANK_DECLINED_REASON;
    return { payment: { ...p, status: "DECLINED", reason } };
  }
  if (p.kind === "BINDING") {
    return {
      payment: {
        ...p,
        status: "SUCCEEDED",
        token: `tok-${(p.cardOutcome ?? "SUCCEEDED").toLowerCase()}-${newToken()}`,
      },
    };
  }
  if (p.cardOutcome === "TIMEOUT") return { payment: { ...p, status: "PENDING", pendingSince: now } };
  return { payment: { ...p, status: "SUCCEEDED" } };
}

/** «Отменить оплату» on the page: declined, no money taken. */
export function cancelOnPage(p: AcquirerPayment): AcquirerPayment {
  if (p.status !== "CREATED" && p.status !== "AWAITING_3DS") return p;
  return { ...p, status: "DECLINED", reason: ACQUIRER_REASONS.cancelled };
}

/** The customer's bank app, for an СБП link: «Оплатить» or «Отклонить» (a finished payment stays as it is). */
export function answerInBankApp(p: AcquirerPayment, pay: boolean): AcquirerPayment {
  if (p.kind !== "SBP" || p.status !== "CREATED") return p;
  return pay ? { ...p, status: "SUCCEEDED" } : { ...p, status: "DECLINED", reason: ACQUIRER_REASONS.sbpDeclined };
}

/** Whether the page is done with the entry: the portal is told, the customer sent back. */
export const pageDone = (p: AcquirerPayment): boolean => p.status !== "CREATED" && p.status !== "AWAITING_3DS";

/**
 * A saved card charged without the customer (autopayment: no page, no 3-D Secure): the token says
 * how the card behaves; a token the acquirer never gave is declined.
 */
export function chargeWithToken(p: AcquirerPayment, token: string, now: Date): AcquirerPayment {
  if (p.status !== "CREATED") return p;
  const outcome = tokenOutcome(token);
  if (outcome === "SUCCEEDED") return { ...p, status: "SUCCEEDED" };
  if (outcome === "TIMEOUT") return { ...p, status: "PENDING", pendingSince: now };
  return { ...p, status: "DECLINED", reason: outcome ? BANK_DECLINED_REASON : "Карта не найдена." };
}

/** How a saved card's token behaves when charged (it carries the card's kind, never its number). */
export function tokenOutcome(token: string): CardOutcome | null {
  const kind = /^tok-(succeeded|declined|timeout)-/.exec(token)?.[1];
  return kind ? (kind.toUpperCase() as CardOutcome) : null;
}

/**
 * What the acquirer's callback signs (HMAC-SHA256 with the shared secret, hex): the fields joined by
 * «|» in a fixed order, as Russian acquirers sign theirs. The reason is last, so a «|» in it cannot
 * shift another field.
 */
export function acquirerCallbackText(f: {
  gatewayRef: string;
  orderId: string;
  kind: "PAYMENT" | "BINDING";
  status: "SUCCEEDED" | "DECLINED" | "PENDING";
  reason: string | null;
}): string {
  return [f.gatewayRef, f.orderId, f.kind, f.status, f.reason ?? ""].join("|");
}

/** What the callback reports an entry as: a payment (by card or СБП) or a card binding. */
export const callbackKind = (kind: AcquirerKind): "PAYMENT" | "BINDING" => (kind === "BINDING" ? "BINDING" : "PAYMENT");
