import { type BillDetails, type Payment, type RouteParsed, routes } from "@lk/contract";
import type { AccountBundle } from "@lk/demo-data";
import {
  DomainError,
  MOSCOW,
  paymentFingerprint,
  periodInstants,
  requireSameRequest,
  simulatedOutcome,
} from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { requireLink } from "../mock-access.ts";
import { authenticate } from "../mock-auth.ts";
import { applyAutoPayment, autoPaymentState, endAutoPayment } from "../mock-autopay.ts";
import { mockClock } from "../mock-clock.ts";
import { type MockPayment, mockDb } from "../mock-db.ts";
import {
  accept,
  GATEWAY_ANSWER_DELAY_MS,
  newestPaymentFirst,
  paymentsOf,
  settleDuePayments,
  toPayment,
} from "../mock-payments.ts";
import { findSupplier, toBillSummary } from "../mock-world.ts";

// The same rules as the API's payments feature, over the generated world and the mock's stored
// payments and autopayment applications. The gateway is the domain's simulated one.

const opts = { authenticate };
type PayBody = RouteParsed<typeof routes.payments.pay>["body"];

const account = (userId: string | null, accountId: string): AccountBundle =>
  requireLink(userId as string, accountId).bundle;

/**
 * «Оплатить»: a retry with the same key returns the first payment and takes no money again. The
 * key with another account, amount or card is not a retry: answering the first payment would
 * tell the customer a payment they did not make went through.
 */
function pay(userId: string, bundle: AccountBundle, body: PayBody): Payment {
  const fingerprint = paymentFingerprint({ accountId: bundle.account.id, ...body });
  const existing = mockDb.state.payments.find((p) => p.userId === userId && p.idempotencyKey === body.idempotencyKey);
  if (existing) {
    requireSameRequest(existing.accountId === bundle.account.id, existing.fingerprint, fingerprint);
    return toPayment({ ...existing, paidAt: new Date(existing.paidAt) });
  }
  const now = mockClock.now();
  const outcome = simulatedOutcome(body.card.number);
  const payment: MockPayment = {
    id: crypto.randomUUID(),
    accountId: bundle.account.id,
    userId,
    idempotencyKey: body.idempotencyKey,
    fingerprint,
    paidAt: now.toISOString(),
    amountKopecks: body.amountKopecks,
    status: "PROCESSING",
    channel: "PORTAL",
    declineReason: null,
    answerAt: null,
  };
  if (outcome.kind === "SUCCEEDED") accept(payment);
  if (outcome.kind === "DECLINED") {
    payment.status = "DECLINED";
    payment.declineReason = outcome.reason;
  }
  if (outcome.kind === "TIMEOUT") payment.answerAt = new Date(now.getTime() + GATEWAY_ANSWER_DELAY_MS).toISOString();
  mockDb.state.payments.push(payment);
  mockDb.save();
  return toPayment({ ...payment, paidAt: now });
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

export const paymentHandlers = [
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
      // As the API: a payment still «В обработке» is checked with the (simulated) bank before it is shown.
      settleDuePayments(params.accountId, mockClock.now());
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
