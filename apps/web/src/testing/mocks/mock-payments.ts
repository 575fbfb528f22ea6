import type { Payment } from "@lk/contract";
import type { AccountBundle } from "@lk/demo-data";
import { type AcquirerResult, paymentReceipt } from "@lk/domain";
import { type MockPayment, mockDb } from "./mock-db.ts";
import { sendNoticeOnce } from "./mock-outbox.ts";
import { findAccount } from "./mock-world.ts";

/** One payment of an account as the API's table holds it, whether generated or made through the mock. */
export interface PaymentRow {
  id: string;
  paidAt: Date;
  amountKopecks: number;
  status: Payment["status"];
  channel: Payment["channel"];
  declineReason: string | null;
}

export const toPayment = (row: PaymentRow): Payment => ({
  id: row.id,
  paidAt: row.paidAt.toISOString(),
  amountKopecks: row.amountKopecks,
  status: row.status,
  channel: row.channel,
  declineReason: row.declineReason,
});

const fromStored = (p: MockPayment): PaymentRow => ({
  id: p.id,
  paidAt: new Date(p.paidAt),
  amountKopecks: p.amountKopecks,
  status: p.status,
  channel: p.channel,
  declineReason: p.declineReason,
});

/** What the mock's accepted payments took off the account's generated balance (zero or negative). */
export const balanceAdjustment = (accountId: string): number => mockDb.state.balanceAdjustments[accountId] ?? 0;

/**
 * The acquirer's answer about a payment «В обработке» (its page is done, or it was asked): statuses
 * only move forward, and an accepted payment takes its amount off the balance once.
 */
export function settleMockPayment(paymentId: string, result: AcquirerResult): void {
  const payment = mockDb.state.payments.find((p) => p.id === paymentId);
  if (payment?.status !== "PROCESSING" || result.status === "PENDING") return;
  if (result.status === "SUCCEEDED") {
    payment.status = "ACCEPTED";
    mockDb.state.balanceAdjustments[payment.accountId] = balanceAdjustment(payment.accountId) - payment.amountKopecks;
    // The receipt (чек), to whoever paid, as the API sends it.
    const to = mockDb.state.users.find((u) => u.id === payment.userId)?.email;
    const account = findAccount(payment.accountId)?.account;
    if (to && account) {
      sendNoticeOnce(paymentReceipt(to, { ...payment, paidAt: new Date(payment.paidAt) }, account.number));
    }
  } else {
    payment.status = "DECLINED";
    payment.declineReason = result.reason;
  }
  mockDb.save();
}

/** All payments of the account: the generated world's (their decline has no recorded reason) and the mock's. */
export function paymentsOf(bundle: AccountBundle): PaymentRow[] {
  const generated = bundle.payments.map(
    (p): PaymentRow => ({
      id: p.id,
      paidAt: p.paidAt,
      amountKopecks: p.amountKopecks,
      status: p.status,
      channel: p.channel,
      declineReason: null,
    }),
  );
  const stored = mockDb.state.payments.filter((p) => p.accountId === bundle.account.id).map(fromStored);
  return [...generated, ...stored];
}

/** The latest accepted payment, the mock's own included. */
export function lastAcceptedPayment(bundle: AccountBundle): PaymentRow | null {
  return paymentsOf(bundle)
    .filter((p) => p.status === "ACCEPTED")
    .reduce<PaymentRow | null>((last, p) => (!last || p.paidAt > last.paidAt ? p : last), null);
}

export const newestPaymentFirst = (a: PaymentRow, b: PaymentRow) => b.paidAt.getTime() - a.paidAt.getTime();
