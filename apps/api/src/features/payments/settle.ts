import { type Database, type Sql, statement, transaction } from "@lk/db";
import { paymentReceipt } from "@lk/domain";
import { enqueueIn } from "../outbox/outbox.ts";
import type { GatewayResult } from "./gateway.ts";
import { type PaymentFacts, settle } from "./queries.ts";

/**
 * Applies the gateway's answer to a payment still «в обработке». Statuses only move forward, and
 * the balance moves with an accepted payment exactly once: the update only matches PROCESSING.
 * An accepted payment's receipt (чек) is written in the same transaction, so no crash leaves a
 * payment accepted without its receipt. Answers the payment as it is afterwards (null while the
 * gateway says PENDING).
 */
export async function settlePayment(
  db: Database,
  paymentId: string,
  result: GatewayResult,
): Promise<PaymentFacts | null> {
  if (result.status === "PENDING") return null;
  return transaction(db, async (sql) => {
    const [row] = await sql.query(settle, [
      paymentId,
      result.status === "SUCCEEDED" ? "ACCEPTED" : "DECLINED",
      result.status === "SUCCEEDED" ? null : result.reason,
    ]);
    if (row?.payment.status === "ACCEPTED" && result.status === "SUCCEEDED") await sendReceipt(sql, paymentId);
    return row?.payment ?? null;
  });
}

/** What a receipt says and where it goes: autopayment's receipt address, or whoever paid. */
const receiptFacts = statement<
  [paymentId: string],
  {
    id: string;
    amountKopecks: number;
    paidAt: Date;
    channel: "PORTAL" | "AUTOPAY" | "BANK" | "CASH";
    accountNumber: string;
    to: string | null;
  }
>(
  "payments.receipt-facts",
  `SELECT p.id, p."amountKopecks", p."paidAt", p.channel::text AS channel, a.number AS "accountNumber",
          coalesce(ap."receiptEmail", u.email) AS "to"
     FROM "Payment" p
     JOIN "PersonalAccount" a ON a.id = p."accountId"
     LEFT JOIN "User" u ON u.id = p."createdById"
     LEFT JOIN "AutoPayment" ap ON ap.id = p."autoPaymentId"
    WHERE p.id = $1::uuid`,
);

/**
 * The receipt of an accepted payment, once per payment (its dedupe key), however many times the
 * acceptance is reported.
 */
async function sendReceipt(sql: Sql, paymentId: string): Promise<void> {
  const [payment] = await sql.query(receiptFacts, [paymentId]);
  if (payment?.to) await enqueueIn(sql, [paymentReceipt(payment.to, payment, payment.accountNumber)]);
}

/** A refund (зачислен → возвращён) puts the money back on the balance; nothing else moves back. */
export async function refundPayment(db: Database, paymentId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const moved = await tx.payment.updateMany({
      where: { id: paymentId, status: "ACCEPTED" },
      data: { status: "REFUNDED" },
    });
    if (moved.count !== 1) return false;
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
    await tx.personalAccount.update({
      where: { id: payment.accountId },
      data: { balanceKopecks: { increment: payment.amountKopecks } },
    });
    return true;
  });
}
