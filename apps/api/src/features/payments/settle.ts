import { type Database, sqlOf } from "@lk/db";
import { paymentReceipt } from "@lk/domain";
import { enqueue } from "../outbox/outbox.ts";
import type { GatewayResult } from "./gateway.ts";
import { type PaymentFacts, settle } from "./queries.ts";

/**
 * Applies the gateway's answer to a payment still «в обработке», in one statement. Statuses only
 * move forward, and the balance moves with an accepted payment exactly once: the update only
 * matches PROCESSING. Answers the payment as it is afterwards (null while the gateway says PENDING).
 */
export async function settlePayment(
  db: Database,
  paymentId: string,
  result: GatewayResult,
): Promise<PaymentFacts | null> {
  if (result.status === "PENDING") return null;
  const [row] = await sqlOf(db).query(settle, [
    paymentId,
    result.status === "SUCCEEDED" ? "ACCEPTED" : "DECLINED",
    result.status === "SUCCEEDED" ? null : result.reason,
  ]);
  if (row?.payment.status === "ACCEPTED" && result.status === "SUCCEEDED") await sendReceipt(db, paymentId);
  return row?.payment ?? null;
}

/**
 * The receipt (чек) of an accepted payment: to autopayment's receipt address, or to whoever paid.
 * Once per payment (its dedupe key), however many times the acceptance is reported; a report that
 * comes again after a crash between the two writes sends the one that was missed.
 */
async function sendReceipt(db: Database, paymentId: string): Promise<void> {
  const payment = await db.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { account: { select: { number: true } }, createdBy: { select: { email: true } } },
  });
  const autopay = payment.autoPaymentId
    ? await db.autoPayment.findUnique({ where: { id: payment.autoPaymentId }, select: { receiptEmail: true } })
    : null;
  const to = autopay?.receiptEmail ?? payment.createdBy?.email;
  if (to) await enqueue(db, paymentReceipt(to, payment, payment.account.number));
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
