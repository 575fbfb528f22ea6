import { type Database, sqlOf } from "@lk/db";
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
  return row?.payment ?? null;
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
