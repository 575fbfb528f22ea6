import type { Database } from "@lk/db";
import type { Clock } from "../../lib/clock.ts";
import type { PaymentGateway } from "./gateway.ts";
import { settlePayment } from "./settle.ts";

/** A payment «в обработке» this long is asked about (the page asks sooner while the customer waits). */
export const RECONCILE_AFTER_MS = 30_000;
const BATCH = 100;

/**
 * Payments left «в обработке» (the gateway had not answered when the request ended, or the
 * instance stopped) are asked about and settled: a late success is credited once, a late decline
 * recorded. Run by every instance on a timer, one at a time (`withJobLock`). Returns how many moved.
 */
export async function reconcilePayments(deps: { db: Database; clock: Clock; gateway: PaymentGateway }) {
  const { db, clock, gateway } = deps;
  const waiting = await db.payment.findMany({
    where: {
      status: "PROCESSING",
      gatewayRef: { not: null },
      paidAt: { lt: new Date(clock.now().getTime() - RECONCILE_AFTER_MS) },
    },
    orderBy: { paidAt: "asc" },
    take: BATCH,
    select: { id: true, gatewayRef: true },
  });
  let settled = 0;
  for (const payment of waiting) {
    const result = await gateway.status(payment.gatewayRef as string);
    if (result.status === "PENDING") continue;
    await settlePayment(db, payment.id, result);
    settled += 1;
  }
  return settled;
}
