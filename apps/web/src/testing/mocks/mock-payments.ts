import type { Payment } from "@lk/contract";
import type { AccountBundle } from "@lk/demo-data";
import { type MockPayment, mockDb } from "./mock-db.ts";

/** How long the simulated bank keeps a "timeout" payment unanswered, in mock time. */
export const GATEWAY_ANSWER_DELAY_MS = 3_000;

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

/** «Зачислен»: the money is the supplier's, and the balance goes down by it (once: statuses only move forward). */
export function accept(payment: MockPayment): void {
  payment.status = "ACCEPTED";
  payment.answerAt = null;
  mockDb.state.balanceAdjustments[payment.accountId] = balanceAdjustment(payment.accountId) - payment.amountKopecks;
}

/**
 * Asks the simulated bank about the account's payments still «В обработке»: those made at least
 * GATEWAY_ANSWER_DELAY_MS ago are accepted now. Called where the API asks its gateway: reading one payment.
 */
export function settleDuePayments(accountId: string, now: Date): void {
  let changed = false;
  for (const payment of mockDb.state.payments) {
    if (payment.accountId !== accountId || payment.status !== "PROCESSING" || !payment.answerAt) continue;
    if (Date.parse(payment.answerAt) <= now.getTime()) {
      accept(payment);
      changed = true;
    }
  }
  if (changed) mockDb.save();
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
