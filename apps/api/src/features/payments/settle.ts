import type { Database } from "@lk/db";
import type { GatewayResult } from "./gateway.ts";

/**
 * Applies the gateway's answer to a payment still «в обработке». Statuses only move forward, and
 * the balance moves with an accepted payment exactly once: the update only matches PROCESSING.
 */
export async function settlePayment(db: Database, paymentId: string, result: GatewayResult): Promise<void> {
  if (result.status === "PENDING") return;
  await db.$transaction(async (tx) => {
    const moved = await tx.payment.updateMany({
      where: { id: paymentId, status: "PROCESSING" },
      data:
        result.status === "SUCCEEDED" ? { status: "ACCEPTED" } : { status: "DECLINED", declineReason: result.reason },
    });
    if (moved.count === 1 && result.status === "SUCCEEDED") {
      const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
      await tx.personalAccount.update({
        where: { id: payment.accountId },
        data: { balanceKopecks: { decrement: payment.amountKopecks } },
      });
    }
  });
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
