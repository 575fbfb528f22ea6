import { statement } from "@lk/db";
import { sessionActiveSql } from "../auth/session-check.ts";

// The payments feature's hot SQL as prepared statements (decision 005). The acquirer's side (the
// simulated gateway's ledger) is not the portal's and keeps its own queries.

/** A payment as the contract shows it, with what a retry with its key is compared against. */
export interface PaymentFacts {
  id: string;
  accountId: string;
  paidAt: string;
  amountKopecks: number;
  status: "PROCESSING" | "ACCEPTED" | "DECLINED" | "REFUNDED";
  channel: "PORTAL" | "AUTOPAY" | "BANK" | "CASH";
  declineReason: string | null;
  requestHash: string | null;
  /** The acquirer's reference; null until its answer to «Оплатить» was heard. */
  gatewayRef: string | null;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const paymentJson = (p: string) => `json_build_object('id', ${p}.id, 'accountId', ${p}."accountId",
  'paidAt', to_char(${p}."paidAt" AT TIME ZONE 'UTC', ${ISO}), 'amountKopecks', ${p}."amountKopecks",
  'status', ${p}.status, 'channel', ${p}.channel, 'declineReason', ${p}."declineReason",
  'requestHash', ${p}."requestHash", 'gatewayRef', ${p}."gatewayRef")`;

/**
 * «Оплатить» in one statement: the session, the link, the payment «в обработке» written when both
 * hold (the customer and key are unique: a second press inserts nothing), and the payment this
 * customer made with this key before, if any (as of the statement's start: a twin that races it
 * inserts nothing and finds the first with `paymentByKey`).
 * $1 user, $2 account, $3 session family, $4 now, $5 new id, $6 amount, $7 key, $8 request digest.
 */
export const createPayment = statement<
  [
    userId: string,
    accountId: string,
    sessionId: string,
    now: Date,
    id: string,
    amountKopecks: number,
    key: string,
    requestHash: string,
  ],
  { sessionActive: boolean; linked: boolean; inserted: number; existing: PaymentFacts | null }
>(
  "payments.create",
  `WITH ctx AS (
     SELECT ${sessionActiveSql("$3", "$4")} AS "sessionActive",
            EXISTS (SELECT 1 FROM "AccountLink" WHERE "userId" = $1::uuid AND "accountId" = $2::uuid) AS linked
   ), inserted AS (
     INSERT INTO "Payment" (id, "accountId", "paidAt", "amountKopecks", status, channel, "createdById",
                            "idempotencyKey", "requestHash", "updatedAt")
     SELECT $5::uuid, $2::uuid, $4::timestamptz, $6::int, 'PROCESSING', 'PORTAL', $1::uuid, $7::uuid, $8, $4::timestamptz
       FROM ctx WHERE ctx."sessionActive" AND ctx.linked
     ON CONFLICT ("createdById", "idempotencyKey") DO NOTHING
     RETURNING id
   )
   SELECT ctx."sessionActive", ctx.linked, (SELECT count(*) FROM inserted)::int AS inserted,
          (SELECT ${paymentJson("p")} FROM "Payment" p
            WHERE p."createdById" = $1::uuid AND p."idempotencyKey" = $7::uuid) AS existing
     FROM ctx`,
);

/** The payment a customer made with a key. $1 user, $2 key. */
export const paymentByKey = statement<[userId: string, key: string], { payment: PaymentFacts }>(
  "payments.by-key",
  `SELECT ${paymentJson("p")} AS payment FROM "Payment" p WHERE p."createdById" = $1::uuid AND p."idempotencyKey" = $2::uuid`,
);

/**
 * The acquirer's reference for a payment that has none yet: the first try's, or a retry's when the
 * first try's answer never came (the acquirer made the order but the portal did not hear back).
 * $1 payment, $2 reference.
 */
export const rememberGatewayRef = statement<[paymentId: string, gatewayRef: string], never>(
  "payments.gateway-ref",
  `UPDATE "Payment" SET "gatewayRef" = $2, "updatedAt" = now() WHERE id = $1::uuid AND "gatewayRef" IS NULL`,
);

/**
 * The acquirer's answer, applied in one statement (atomic by itself): a payment moves from
 * «в обработке» only (statuses only move forward), and the balance moves with an accepted payment
 * exactly once, in the same statement. Returns the payment as it is after.
 * $1 payment, $2 ACCEPTED or DECLINED, $3 the decline's reason.
 */
export const settle = statement<
  [paymentId: string, status: "ACCEPTED" | "DECLINED", declineReason: string | null],
  { payment: PaymentFacts }
>(
  "payments.settle",
  `WITH moved AS (
     UPDATE "Payment" SET status = $2::"PaymentStatus", "declineReason" = $3, "updatedAt" = now()
      WHERE id = $1::uuid AND status = 'PROCESSING'
      RETURNING *
   ), credited AS (
     UPDATE "PersonalAccount" a SET "balanceKopecks" = a."balanceKopecks" - m."amountKopecks"
       FROM moved m WHERE a.id = m."accountId" AND m.status = 'ACCEPTED'
     RETURNING a.id
   ) -- a data-modifying WITH runs whether or not the SELECT reads it
   SELECT ${paymentJson("p")} AS payment
     FROM (SELECT * FROM moved
           UNION ALL
           SELECT * FROM "Payment" WHERE id = $1::uuid AND NOT EXISTS (SELECT 1 FROM moved)) AS p`,
);
