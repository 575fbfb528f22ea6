import { type BillDetails, type PaymentStarted, type RouteParsed, routes } from "@lk/contract";
import type { AccountBundle } from "@lk/demo-data";
import {
  acquirerCallbackText,
  DomainError,
  MOSCOW,
  paymentFingerprint,
  periodInstants,
  requireSameRequest,
} from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { requireLink } from "../mock-access.ts";
import { acquirerStatus, openAcquirerPage } from "../mock-acquirer.ts";
import { authenticate } from "../mock-auth.ts";
import { applyAutoPayment, autoPaymentState, endAutoPayment, rebindAutoPaymentCard } from "../mock-autopay.ts";
import { mockClock } from "../mock-clock.ts";
import { type MockPayment, mockDb } from "../mock-db.ts";
import { newestPaymentFirst, paymentsOf, settleMockPayment, toPayment } from "../mock-payments.ts";
import { findSupplier, toBillSummary } from "../mock-world.ts";

// The same rules as the API's payments feature, over the generated world and the mock's stored
// payments and autopayment applications. The acquirer is the mock's simulated one (mock-acquirer.ts).

const opts = { authenticate };
type PayBody = RouteParsed<typeof routes.payments.pay>["body"];

const account = (userId: string | null, accountId: string): AccountBundle =>
  requireLink(userId as string, accountId).bundle;

/**
 * «Оплатить»: a payment «В обработке» and the simulated acquirer's page, where the card is typed. A
 * retry with the same key returns the first payment and its page. The key with another account or
 * amount is not a retry: answering the first payment would tell the customer a payment they did not
 * make went through.
 */
function pay(userId: string, bundle: AccountBundle, body: PayBody): PaymentStarted {
  const fingerprint = paymentFingerprint({ accountId: bundle.account.id, ...body });
  const existing = mockDb.state.payments.find((p) => p.userId === userId && p.idempotencyKey === body.idempotencyKey);
  if (existing) requireSameRequest(existing.accountId === bundle.account.id, existing.fingerprint, fingerprint);
  const payment: MockPayment = existing ?? {
    id: crypto.randomUUID(),
    accountId: bundle.account.id,
    userId,
    idempotencyKey: body.idempotencyKey,
    fingerprint,
    paidAt: mockClock.now().toISOString(),
    amountKopecks: body.amountKopecks,
    status: "PROCESSING",
    channel: "PORTAL",
    declineReason: null,
    gatewayRef: null,
  };
  const { gatewayRef, confirmationUrl, expiresAt } = openAcquirerPage({
    orderId: payment.id,
    kind: body.method === "SBP" ? "SBP" : "PAYMENT",
    amountKopecks: payment.amountKopecks,
    returnUrl: `/accounts/${bundle.account.id}?payment=${payment.id}`,
  });
  if (!existing) {
    mockDb.state.payments.push({ ...payment, gatewayRef });
    mockDb.save();
  }
  return {
    payment: toPayment({ ...payment, paidAt: new Date(payment.paidAt) }),
    confirmationUrl,
    sbpExpiresAt: body.method === "SBP" ? expiresAt.toISOString() : null,
  };
}

/** Bills whose month lies between the months of `from` and `to`, as the API filters them; newest first. */
function billsIn(bundle: AccountBundle, period: { from: string; to: string }) {
  const [first, last] = [period.from.slice(0, 7), period.to.slice(0, 7)];
  return bundle.bills
    .filter((b) => b.period >= first && b.period <= last)
    .sort((a, b) => (a.period < b.period ? 1 : -1))
    .map(toBillSummary);
}

/** The printable bill: the lines by zone, and what accepted payments brought in until the next bill. */
function billDetails(bundle: AccountBundle, billId: string): BillDetails {
  const bills = [...bundle.bills].sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
  const index = bills.findIndex((b) => b.id === billId);
  const bill = bills[index];
  if (!bill) throw new DomainError("NOT_FOUND", "Счёт не найден.");
  const next = bills[index + 1];
  const paidKopecks = paymentsOf(bundle)
    .filter((p) => p.status === "ACCEPTED" && p.paidAt > bill.issuedAt && (!next || p.paidAt < next.issuedAt))
    .reduce((sum, p) => sum + p.amountKopecks, 0);
  const { account } = bundle;
  return {
    ...toBillSummary(bill),
    account: {
      number: account.number,
      address: account.address,
      ownerName: account.ownerName,
      supplierName: findSupplier(account.supplierId)?.name ?? account.supplierId,
    },
    lines: bill.lines.map((line) => ({
      zone: line.zone,
      kwh: (line.kwhMilli / 1000).toFixed(3),
      rateKopecks: line.rateKopecks,
      amountKopecks: line.amountKopecks,
    })),
    paidKopecks,
  };
}

/**
 * The mock's side of the acquirer's callback: its own secret (the mock's acquirer page settles
 * payments directly, so only a hand-made callback arrives here). A signature made with any other
 * secret is refused, as the API refuses it.
 */
export const MOCK_ACQUIRER_SECRET = "lichny-kabinet-mock-acquirer-secret";

async function hmacHex(secret: string, text: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
  return [...signature].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export const paymentHandlers = [
  mockRoute(
    routes.payments.acquirerCallback,
    async ({ input: { body } }) => {
      if ((await hmacHex(MOCK_ACQUIRER_SECRET, acquirerCallbackText(body))) !== body.signature) {
        throw new DomainError("SIGNATURE_INVALID");
      }
      const payment = mockDb.state.payments.find((p) => p.id === body.orderId && p.gatewayRef === body.gatewayRef);
      if (body.kind !== "PAYMENT" || !payment) throw new DomainError("NOT_FOUND", "Платёж не найден.");
      settleMockPayment(
        payment.id,
        body.status === "DECLINED"
          ? { status: "DECLINED", reason: body.reason ?? "Банк отклонил платёж." }
          : { status: body.status },
      );
      return { accepted: true };
    },
    opts,
  ),
  mockRoute(
    routes.payments.list,
    ({ input: { params, query }, userId }) => {
      const bundle = account(userId, params.accountId);
      const { from, to: until } = periodInstants(query, MOSCOW);
      const payments = paymentsOf(bundle)
        .filter((p) => p.paidAt >= from && p.paidAt < until)
        .sort(newestPaymentFirst)
        .map(toPayment);
      return { payments };
    },
    opts,
  ),
  mockRoute(
    routes.payments.get,
    ({ input: { params }, userId }) => {
      const bundle = account(userId, params.accountId);
      // As the API: a payment still «В обработке» is checked with the (simulated) acquirer before it is shown.
      const stored = mockDb.state.payments.find((p) => p.id === params.paymentId && p.accountId === params.accountId);
      if (stored?.status === "PROCESSING" && stored.gatewayRef) {
        settleMockPayment(stored.id, acquirerStatus(stored.gatewayRef));
      }
      const found = paymentsOf(bundle).find((p) => p.id === params.paymentId);
      if (!found) throw new DomainError("NOT_FOUND", "Платёж не найден.");
      return toPayment(found);
    },
    opts,
  ),
  mockRoute(
    routes.payments.pay,
    ({ input: { params, body }, userId }) => pay(userId as string, account(userId, params.accountId), body),
    opts,
  ),
  mockRoute(
    routes.payments.bills,
    ({ input: { params, query }, userId }) => ({ bills: billsIn(account(userId, params.accountId), query) }),
    opts,
  ),
  mockRoute(
    routes.payments.bill,
    ({ input: { params }, userId }) => billDetails(account(userId, params.accountId), params.billId),
    opts,
  ),
  mockRoute(
    routes.payments.autoPayment,
    ({ input: { params }, userId }) => {
      requireLink(userId as string, params.accountId);
      return autoPaymentState(params.accountId, mockClock.now());
    },
    opts,
  ),
  mockRoute(
    routes.payments.applyAutoPayment,
    ({ input: { params, body }, userId }) => {
      requireLink(userId as string, params.accountId);
      return applyAutoPayment(userId as string, params.accountId, body, mockClock.now());
    },
    opts,
  ),
  mockRoute(
    routes.payments.bindAutoPaymentCard,
    ({ input: { params }, userId }) => {
      requireLink(userId as string, params.accountId);
      return rebindAutoPaymentCard(params.accountId, mockClock.now());
    },
    opts,
  ),
  mockRoute(
    routes.payments.disableAutoPayment,
    ({ input: { params, body }, userId }) => {
      requireLink(userId as string, params.accountId);
      return endAutoPayment(params.accountId, mockClock.now(), { kind: "disable", reason: body.reason });
    },
    opts,
  ),
  mockRoute(
    routes.payments.annulAutoPayment,
    ({ input: { params }, userId }) => {
      requireLink(userId as string, params.accountId);
      return endAutoPayment(params.accountId, mockClock.now(), { kind: "annul" });
    },
    opts,
  ),
];
