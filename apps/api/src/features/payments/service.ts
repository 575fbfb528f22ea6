import type { BillDetails, BillSummary, Payment } from "@lk/contract";
import { type Database, Prisma } from "@lk/db";
import { dayStart, paymentFingerprint, sameRequest } from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { digest } from "../../lib/digest.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { requireLinkedAccount } from "../accounts/access.ts";
import { toBill } from "../accounts/mappers.ts";
import type { CardDetails, GatewayResult, PaymentGateway } from "./gateway.ts";
import { settlePayment } from "./settle.ts";

export interface PaymentsDeps {
  db: Database;
  clock: Clock;
  gateway: PaymentGateway;
}

type PaymentRow = Prisma.PaymentGetPayload<object>;

export const toPayment = (p: PaymentRow): Payment => ({
  id: p.id,
  paidAt: p.paidAt.toISOString(),
  amountKopecks: p.amountKopecks,
  status: p.status,
  channel: p.channel,
  declineReason: p.declineReason,
});

async function periodBounds(db: Database, accountId: string, period: { from: string; to: string }) {
  const { supplier } = await db.personalAccount.findUniqueOrThrow({
    where: { id: accountId },
    include: { supplier: true },
  });
  const next = new Date(Date.parse(`${period.to}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: dayStart(period.from, supplier.timeZone), to: dayStart(next, supplier.timeZone) };
}

/** «Оплаты» for a period: Moscow calendar days, both ends inclusive. */
export async function listPayments(
  { db }: PaymentsDeps,
  userId: string,
  accountId: string,
  period: { from: string; to: string },
) {
  await requireLinkedAccount(db, userId, accountId);
  const { from, to } = await periodBounds(db, accountId, period);
  const rows = await db.payment.findMany({
    where: { accountId, paidAt: { gte: from, lt: to } },
    orderBy: { paidAt: "desc" },
  });
  return rows.map(toPayment);
}

/** A payment still in processing is checked with the gateway before it is shown. */
export async function getPayment(deps: PaymentsDeps, userId: string, accountId: string, paymentId: string) {
  await requireLinkedAccount(deps.db, userId, accountId);
  const row = await deps.db.payment.findFirst({ where: { id: paymentId, accountId } });
  if (!row) throw new DomainError("NOT_FOUND", "Платёж не найден.");
  if (row.status === "PROCESSING" && row.gatewayRef) {
    await settlePayment(deps.db, row.id, await deps.gateway.status(row.gatewayRef));
    return toPayment(await deps.db.payment.findUniqueOrThrow({ where: { id: row.id } }));
  }
  return toPayment(row);
}

// Past this the customer sees «в обработке»; the gateway's late answer is picked up by getPayment.
const GATEWAY_PATIENCE_MS = 15_000;
const withPatience = (answer: Promise<GatewayResult>) =>
  Promise.race([
    answer,
    new Promise<GatewayResult>((resolve) =>
      setTimeout(() => resolve({ status: "PENDING" }), GATEWAY_PATIENCE_MS).unref(),
    ),
  ]);

/**
 * «Оплатить». The (customer, key) pair is unique in the database: a retry or a double click finds
 * the first payment instead of creating a second, so the card is charged at most once.
 */
export async function pay(
  deps: PaymentsDeps,
  userId: string,
  accountId: string,
  body: { idempotencyKey: string; amountKopecks: number; card: CardDetails },
): Promise<Payment> {
  const { db, clock, gateway } = deps;
  await requireLinkedAccount(db, userId, accountId);
  const requestHash = digest(paymentFingerprint({ accountId, ...body }));
  const existing = await db.payment.findUnique({
    where: { createdById_idempotencyKey: { createdById: userId, idempotencyKey: body.idempotencyKey } },
  });
  if (existing) return repeat(existing, accountId, requestHash);
  let payment: PaymentRow;
  try {
    payment = await db.payment.create({
      data: {
        accountId,
        paidAt: clock.now(),
        amountKopecks: body.amountKopecks,
        status: "PROCESSING",
        channel: "PORTAL",
        createdById: userId,
        idempotencyKey: body.idempotencyKey,
        requestHash,
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await db.payment.findUniqueOrThrow({
        where: { createdById_idempotencyKey: { createdById: userId, idempotencyKey: body.idempotencyKey } },
      });
      return repeat(first, accountId, requestHash);
    }
    throw error;
  }
  const { gatewayRef } = await gateway.createPayment({
    amountKopecks: body.amountKopecks,
    orderId: payment.id,
    description: "Оплата электроэнергии",
  });
  await db.payment.update({ where: { id: payment.id }, data: { gatewayRef } });
  await settlePayment(db, payment.id, await withPatience(gateway.confirm(gatewayRef, body.card)));
  return toPayment(await db.payment.findUniqueOrThrow({ where: { id: payment.id } }));
}

/** The key again: the first payment when it is the same request, a refusal when the key is reused. */
function repeat(first: PaymentRow, accountId: string, requestHash: string): Payment {
  if (first.accountId !== accountId || !sameRequest(first.requestHash, requestHash)) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED");
  }
  return toPayment(first);
}

/** «Счета» whose billed month falls in the period. */
export async function listBills(
  { db }: PaymentsDeps,
  userId: string,
  accountId: string,
  period: { from: string; to: string },
) {
  await requireLinkedAccount(db, userId, accountId);
  const rows = await db.bill.findMany({
    where: {
      accountId,
      period: {
        gte: new Date(`${period.from.slice(0, 7)}-01T00:00:00Z`),
        lte: new Date(`${period.to.slice(0, 7)}-01T00:00:00Z`),
      },
    },
    orderBy: { period: "desc" },
  });
  return rows.map(toBill) satisfies BillSummary[];
}

export async function getBill(
  { db }: PaymentsDeps,
  userId: string,
  accountId: string,
  billId: string,
): Promise<BillDetails> {
  await requireLinkedAccount(db, userId, accountId);
  const bill = await db.bill.findFirst({
    where: { id: billId, accountId },
    include: { lines: { orderBy: { zone: "asc" } }, account: { include: { supplier: true } } },
  });
  if (!bill) throw new DomainError("NOT_FOUND", "Счёт не найден.");
  const next = await db.bill.findFirst({
    where: { accountId, period: { gt: bill.period } },
    orderBy: { period: "asc" },
  });
  const paid = await db.payment.aggregate({
    where: { accountId, status: "ACCEPTED", paidAt: { gt: bill.issuedAt, ...(next ? { lt: next.issuedAt } : {}) } },
    _sum: { amountKopecks: true },
  });
  return {
    ...toBill(bill),
    account: {
      number: bill.account.number,
      address: bill.account.address,
      ownerName: bill.account.ownerName,
      supplierName: bill.account.supplier.name,
    },
    lines: bill.lines.map((l) => ({
      zone: l.zone,
      kwh: l.kwh.toFixed(3),
      rateKopecks: l.rateKopecks,
      amountKopecks: l.amountKopecks,
    })),
    paidKopecks: paid._sum.amountKopecks ?? 0,
  };
}
