import { randomUUID } from "node:crypto";
import type { AcquirerCallback, BillDetails, BillSummary, Payment, PaymentStarted } from "@lk/contract";
import { type Database, type Prisma, sqlOf } from "@lk/db";
import { DomainError, paymentFingerprint, periodInstants, requireSameRequest } from "@lk/domain";
import { signedBy } from "../../acquirer/signature.ts";
import type { Clock } from "../../lib/clock.ts";
import { digest } from "../../lib/digest.ts";
import { requireLinkedAccount } from "../accounts/access.ts";
import { toBill } from "../accounts/mappers.ts";
import { requireActiveSession, type Viewer } from "../auth/session-check.ts";
import { acceptBinding } from "./autopayment.ts";
import type { GatewayResult, PaymentGateway } from "./gateway.ts";
import { createPayment, type PaymentFacts, paymentByKey, rememberGatewayRef } from "./queries.ts";
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
  return periodInstants(period, supplier.timeZone);
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

/**
 * «Оплатить»: a payment «в обработке» and the acquirer's page to send the customer to, where the
 * card is typed; the portal never sees it. The (customer, key) pair is unique in the database: a
 * retry or a double click finds the first payment (and the same page) instead of creating a second,
 * so the card is charged at most once. The portal's side is two statements (the session, link and
 * payment in one; the acquirer's reference), besides the acquirer's own.
 */
export async function pay(
  deps: PaymentsDeps,
  viewer: Viewer,
  accountId: string,
  body: { idempotencyKey: string; amountKopecks: number; method: "CARD" | "SBP" },
): Promise<PaymentStarted> {
  const { gateway } = deps;
  const sql = sqlOf(deps.db);
  const requestHash = digest(paymentFingerprint({ accountId, ...body }));
  const id = randomUUID();
  const [created] = await sql.query(createPayment, [
    viewer.userId,
    accountId,
    viewer.sessionId,
    viewer.now,
    id,
    body.amountKopecks,
    body.idempotencyKey,
    requestHash,
  ]);
  requireActiveSession(created?.sessionActive);
  if (!created?.linked) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  let payment: Payment;
  if (created.existing) payment = repeat(created.existing, accountId, requestHash);
  else if (!created.inserted) {
    // A twin request with the same key was first; answer with its payment.
    const [first] = await sql.query(paymentByKey, [viewer.userId, body.idempotencyKey]);
    if (!first) throw new Error("A payment was neither written nor found by its key");
    payment = repeat(first.payment, accountId, requestHash);
  } else {
    payment = {
      id,
      paidAt: viewer.now.toISOString(),
      amountKopecks: body.amountKopecks,
      status: "PROCESSING",
      channel: "PORTAL",
      declineReason: null,
    };
  }
  // The acquirer finds the order it has seen: a retry gets the same page (or link), a first try a new one.
  const order = {
    amountKopecks: payment.amountKopecks,
    orderId: payment.id,
    description: "Оплата электроэнергии",
    returnUrl: paymentReturnPath(accountId, payment.id),
  };
  const started =
    body.method === "SBP"
      ? await gateway.createSbpPayment(order)
      : { ...(await gateway.createPayment(order)), expiresAt: null };
  // A retry too, when the first try never heard the acquirer's answer: without the reference its
  // callback finds no payment and reconciliation skips it, so a charged card would never be credited.
  if (!created.existing?.gatewayRef) await sql.query(rememberGatewayRef, [payment.id, started.gatewayRef]);
  return {
    payment,
    confirmationUrl: started.confirmationUrl,
    sbpExpiresAt: started.expiresAt?.toISOString() ?? null,
  };
}

/** Where the acquirer's page sends the customer back: the account page, which shows the payment. */
export const paymentReturnPath = (accountId: string, paymentId: string) =>
  `/accounts/${accountId}?payment=${paymentId}`;

const toContract = ({ accountId: _, requestHash: __, gatewayRef: ___, ...payment }: PaymentFacts): Payment => payment;

/** The key again: the first payment when it is the same request, a refusal when the key is reused. */
function repeat(first: PaymentFacts, accountId: string, requestHash: string): Payment {
  requireSameRequest(first.accountId === accountId, first.requestHash, requestHash);
  return toContract(first);
}

/**
 * The acquirer's signed report. A forged or altered one is refused and changes nothing; a true one
 * settles the payment it names (statuses only move forward, so a repeated report changes nothing).
 */
export async function acceptAcquirerCallback(
  deps: PaymentsDeps & { acquirerSecret: string },
  callback: AcquirerCallback,
): Promise<{ accepted: boolean }> {
  if (!signedBy(deps.acquirerSecret, callback)) throw new DomainError("SIGNATURE_INVALID");
  if (callback.kind === "BINDING") return { accepted: await acceptBinding(deps, callback.gatewayRef) };
  const payment = await deps.db.payment.findFirst({
    where: { id: callback.orderId, gatewayRef: callback.gatewayRef },
    select: { id: true },
  });
  if (!payment) throw new DomainError("NOT_FOUND", "Платёж не найден.");
  const result: GatewayResult =
    callback.status === "DECLINED"
      ? { status: "DECLINED", reason: callback.reason ?? "Банк отклонил платёж." }
      : { status: callback.status };
  await settlePayment(deps.db, payment.id, result);
  return { accepted: true };
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
