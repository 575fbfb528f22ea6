import { BillSummary, MeterZone } from "./accounts.ts";
import { Email } from "./fields.ts";
import { defineRoute } from "./route.ts";
import { z } from "./zod.ts";

const Instant = z.iso.datetime({ offset: true });
const Kopecks = z.number().int();

export const PaymentStatus = z.enum(["PROCESSING", "ACCEPTED", "DECLINED", "REFUNDED"]);
export const PaymentChannel = z.enum(["PORTAL", "AUTOPAY", "BANK", "CASH"]);

export const Payment = z.object({
  id: z.uuid(),
  paidAt: Instant,
  amountKopecks: Kopecks,
  /** в обработке → зачислен / отклонён; зачислен → возвращён. */
  status: PaymentStatus,
  channel: PaymentChannel,
  /** Why the bank declined, in words for the customer. */
  declineReason: z.string().nullable(),
});
export type Payment = z.infer<typeof Payment>;

const IsoDate = z.iso.date({ error: "Укажите дату в формате ГГГГ-ММ-ДД." });
export const PeriodQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "Дата «по» раньше даты «с»." });

export const BillDetails = BillSummary.extend({
  account: z.object({ number: z.string(), address: z.string(), ownerName: z.string(), supplierName: z.string() }),
  lines: z.array(z.object({ zone: MeterZone, kwh: z.string(), rateKopecks: z.number().int(), amountKopecks: Kopecks })),
  /** Paid towards this bill since it was issued (accepted payments until the next bill). */
  paidKopecks: Kopecks,
});
export type BillDetails = z.infer<typeof BillDetails>;

/**
 * The card as the acquirer's own page takes it (its form, not the portal's: no route of the portal's
 * API accepts a card, see PayBody).
 */
export const CardInput = z.strictObject({
  number: z
    .string({ error: "Введите номер карты." })
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{16,19}$/, "Номер карты — 16–19 цифр.")),
  expiry: z
    .string({ error: "Введите срок действия." })
    .regex(/^(0[1-9]|1[0-2])\/\d{2}$/, "Срок действия в виде ММ/ГГ."),
  cvc: z.string({ error: "Введите CVC." }).regex(/^\d{3}$/, "CVC — 3 цифры с обратной стороны карты."),
});

export const PayBody = z.strictObject({
  /** A new UUID per press of «Оплатить»; a retry or a double click sends the same one. */
  idempotencyKey: z.uuid({ error: "Нужен ключ идемпотентности (UUID)." }),
  amountKopecks: z
    .number({ error: "Укажите сумму." })
    .int("Сумма в копейках — целое число.")
    .min(100, "Минимальная сумма платежа — 1,00 ₽.")
    .max(100_000_000, "Максимальная сумма платежа — 1 000 000,00 ₽."),
  /** CARD: the acquirer's page; SBP: a payment link (a QR code) the customer's bank app confirms. */
  method: z.enum(["CARD", "SBP"], { error: "Способ оплаты: CARD или SBP." }).default("CARD"),
});
export type PayBody = z.input<typeof PayBody>;

/**
 * The payment «в обработке» and the acquirer's page to send the customer to, where the card is
 * typed (the portal never sees it); the page sends the customer back to `/accounts/<id>?payment=<id>`.
 */
export const PaymentStarted = z.object({
  payment: Payment,
  /** CARD: the acquirer's page to go to; SBP: the payment link to show as a QR code and open on a phone. */
  confirmationUrl: z.string(),
  /** SBP only: until when the link (the QR code) can be paid; null for a card. */
  sbpExpiresAt: Instant.nullable(),
});
export type PaymentStarted = z.infer<typeof PaymentStarted>;

/**
 * The acquirer's report of a result, signed with the secret the two share (HMAC-SHA256 over the
 * fields joined by «|», in this order, hex): see the API's acquirer/signature.ts.
 */
export const AcquirerCallback = z.strictObject({
  gatewayRef: z.string().min(1).max(100),
  orderId: z.uuid(),
  kind: z.enum(["PAYMENT", "BINDING"]),
  status: z.enum(["SUCCEEDED", "DECLINED", "PENDING"]),
  reason: z.string().max(500).nullable(),
  signature: z.string().regex(/^[0-9a-f]{64}$/, "Подпись — 64 шестнадцатеричных символа."),
});
export type AcquirerCallback = z.infer<typeof AcquirerCallback>;

export const AutoPaymentStatus = z.enum(["AWAITING_CARD", "APPLIED", "ACTIVE", "OFF", "WITHDRAWN"]);
export const AutoPaymentStopReason = z.enum(["CHANGED_CARD", "PAY_MYSELF", "TOO_EXPENSIVE", "MOVING", "OTHER"]);

export const AutoPayment = z.object({
  id: z.uuid(),
  /**
   * AWAITING_CARD: the card is to be bound on the acquirer's page; APPLIED: the application waits
   * for the next bill run; ACTIVE: pays each new bill.
   */
  status: AutoPaymentStatus,
  /** Null until the card is bound on the acquirer's page. */
  cardMask: z.string().nullable(),
  maxAmountKopecks: Kopecks,
  receiptEmail: z.string(),
  termsVersion: z.string(),
  appliedAt: Instant,
  activatedAt: Instant.nullable(),
  endedAt: Instant.nullable(),
  /** The latest word from the charging job, e.g. a bill above the maximum that was not charged. */
  lastNotice: z.string().nullable(),
});
export type AutoPayment = z.infer<typeof AutoPayment>;

export const AutoPaymentTerms = z.object({ version: z.string(), text: z.string() });

export const AutoPaymentState = z.object({
  /** The current application or service; null when there is none (or it was switched off). */
  current: AutoPayment.nullable(),
  terms: AutoPaymentTerms,
});
export type AutoPaymentState = z.infer<typeof AutoPaymentState>;

export const ApplyAutoPaymentBody = z.strictObject({
  termsVersion: z.string().min(1),
  termsAccepted: z.literal(true, { error: "Подтвердите согласие с условиями услуги." }),
  maxAmountKopecks: z
    .number({ error: "Укажите максимальную сумму." })
    .int()
    .min(10_000, "Максимальная сумма — не меньше 100,00 ₽.")
    .max(10_000_000, "Максимальная сумма — не больше 100 000,00 ₽."),
  receiptEmail: Email,
});
export type ApplyAutoPaymentBody = z.input<typeof ApplyAutoPaymentBody>;

/** The application (or its card binding) and the acquirer's page where the card is bound. */
export const AutoPaymentCardPage = AutoPaymentState.extend({ confirmationUrl: z.string() });
export type AutoPaymentCardPage = z.infer<typeof AutoPaymentCardPage>;

export const DisableAutoPaymentBody = z.strictObject({ reason: AutoPaymentStopReason });

const AccountParams = z.strictObject({ accountId: z.uuid({ error: "Неверный идентификатор счёта." }) });
const BillParams = AccountParams.extend({ billId: z.uuid({ error: "Неверный идентификатор счёта." }) });
const PaymentParams = AccountParams.extend({ paymentId: z.uuid({ error: "Неверный идентификатор платежа." }) });
const tag = "Оплата и автоплатёж";

export const paymentRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/payments",
    summary: "«Оплаты»: платежи за период (from–to включительно, по московскому времени)",
    tag,
    auth: true,
    params: AccountParams,
    query: PeriodQuery,
    status: 200,
    response: z.object({ payments: z.array(Payment) }),
    errors: ["NOT_FOUND"],
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/payments/:paymentId",
    summary: "Один платёж; платёж «в обработке» сверяется со шлюзом",
    tag,
    auth: true,
    params: PaymentParams,
    status: 200,
    response: Payment,
    errors: ["NOT_FOUND"],
  }),
  pay: defineRoute({
    method: "POST",
    path: "/api/accounts/:accountId/payments",
    summary:
      "«Оплатить»: платёж «в обработке» и страница эквайера, где вводится карта (портал карту не получает); повтор с тем же idempotencyKey — тот же платёж (с другим телом — 422 IDEMPOTENCY_KEY_REUSED)",
    tag,
    auth: true,
    params: AccountParams,
    body: PayBody,
    status: 201,
    response: PaymentStarted,
    errors: ["NOT_FOUND", "TOO_MANY_REQUESTS", "IDEMPOTENCY_KEY_REUSED"],
  }),
  acquirerCallback: defineRoute({
    method: "POST",
    path: "/api/payments/acquirer-callback",
    summary: "Уведомление эквайера о результате платежа или привязки карты (подписано общим секретом)",
    tag,
    auth: false,
    body: AcquirerCallback,
    status: 200,
    response: z.object({ accepted: z.boolean() }),
    errors: ["SIGNATURE_INVALID", "NOT_FOUND"],
  }),
  bills: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/bills",
    summary: "«Счета» за период (по расчётному месяцу)",
    tag,
    auth: true,
    params: AccountParams,
    query: PeriodQuery,
    status: 200,
    response: z.object({ bills: z.array(BillSummary) }),
    errors: ["NOT_FOUND"],
  }),
  bill: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/bills/:billId",
    summary: "Квитанция: начисления по зонам (кВт·ч × тариф), итого, оплачено",
    tag,
    auth: true,
    params: BillParams,
    status: 200,
    response: BillDetails,
    errors: ["NOT_FOUND"],
  }),
  autoPayment: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/autopayment",
    summary: "«Автоплатеж»: текущее заявление или услуга и действующие условия",
    tag,
    auth: true,
    params: AccountParams,
    status: 200,
    response: AutoPaymentState,
    errors: ["NOT_FOUND"],
  }),
  applyAutoPayment: defineRoute({
    method: "POST",
    path: "/api/accounts/:accountId/autopayment",
    summary:
      "«Подключить»: заявление (согласие с условиями, максимум за списание, e-mail для чеков) и страница эквайера, где привязывается карта",
    tag,
    auth: true,
    params: AccountParams,
    body: ApplyAutoPaymentBody,
    status: 201,
    response: AutoPaymentCardPage,
    errors: ["NOT_FOUND", "AUTOPAYMENT_EXISTS", "TERMS_CHANGED"],
  }),
  bindAutoPaymentCard: defineRoute({
    method: "POST",
    path: "/api/accounts/:accountId/autopayment/card",
    summary: "«Привязать карту» ещё раз: новая страница эквайера для заявления, которое ждёт карту",
    tag,
    auth: true,
    params: AccountParams,
    status: 201,
    response: AutoPaymentCardPage,
    errors: ["NOT_FOUND", "AUTOPAYMENT_STATE"],
  }),
  disableAutoPayment: defineRoute({
    method: "POST",
    path: "/api/accounts/:accountId/autopayment/disable",
    summary: "«Отключить»: действующий автоплатёж больше не списывает деньги",
    tag,
    auth: true,
    params: AccountParams,
    body: DisableAutoPaymentBody,
    status: 200,
    response: AutoPaymentState,
    errors: ["NOT_FOUND", "AUTOPAYMENT_STATE"],
  }),
  annulAutoPayment: defineRoute({
    method: "POST",
    path: "/api/accounts/:accountId/autopayment/annul",
    summary: "«Аннулировать»: отзывает заявление, которое ещё не вступило в силу",
    tag,
    auth: true,
    params: AccountParams,
    status: 200,
    response: AutoPaymentState,
    errors: ["NOT_FOUND", "AUTOPAYMENT_STATE"],
  }),
};
