import type { ConfirmLinkBody } from "@lk/contract";
import { statement } from "@lk/db";
import { sessionActiveSql } from "../auth/session-check.ts";

type ControlQuestion = ConfirmLinkBody["question"];

// «Подтвердить» as prepared statements (decision 005), in one transaction: the context with the
// per-number lock, the state, and one write. Every statement is the same for a number that
// exists and one that does not (an unknown number reads the rows of NO_ACCOUNT: none), so the
// answer's time does not tell which it was (issue 16, finding 7).

/** Looked up in place of an unknown account, so an unknown number costs the same as a real one. */
export const NO_ACCOUNT = "00000000-0000-0000-0000-000000000000";

export interface SupplierFacts {
  id: string;
  shortName: string;
  accountNumberPattern: string;
  accountNumberHint: string;
  accountNumberExample: string;
  controlQuestions: ControlQuestion[];
}

/**
 * The transaction's first statement: who asks and of which supplier (the session; whether the
 * login's address or phone is proved, null when there is no such user; the supplier's number
 * format and questions, null when there is no such supplier), and two locks: the customer's, then
 * the number's (always in that order, so two answers cannot wait for each other). Answers for one
 * number wait here for each other, whoever gives them, and so do one customer's answers for any
 * numbers; the state statement after it starts with a fresh snapshot, so it sees every answer
 * committed before the locks were granted, and neither budget can be raced.
 * $1 user, $2 session family, $3 now, $4 supplier, $5 the number's lock key, $6 the customer's.
 */
export const linkContext = statement<
  [userId: string, sessionId: string, now: Date, supplierId: string, lockKey: string, customerLockKey: string],
  { sessionActive: boolean; contactConfirmed: boolean | null; supplier: SupplierFacts | null }
>(
  "accounts.link-context",
  `SELECT ${sessionActiveSql("$2", "$3")} AS "sessionActive",
          (SELECT "emailConfirmedAt" IS NOT NULL OR "phoneConfirmedAt" IS NOT NULL
             FROM "User" WHERE id = $1::uuid) AS "contactConfirmed",
          (SELECT json_build_object('id', id, 'shortName', "shortName", 'accountNumberPattern', "accountNumberPattern",
                    'accountNumberHint', "accountNumberHint", 'accountNumberExample', "accountNumberExample",
                    'controlQuestions', "controlQuestions")
             FROM "Supplier" WHERE id = $4) AS supplier,
          (SELECT count(pg_advisory_xact_lock(key)) FROM unnest(ARRAY[hashtext($6), hashtext($5)]) AS key) AS locked`,
);

export interface LinkState {
  account: { id: string; number: string; address: string; balanceKopecks: number } | null;
  alreadyLinked: boolean;
  /** Every answer for this number in the policy's window, from every customer; `at` in ms. */
  attempts: { userId: string; success: boolean; at: number }[];
  /** This customer's wrong answers for any number in the window, in ms. */
  customerFailures: number[];
  /** What the papers say: bills since the cut-off, meter serials, the last accepted payment. */
  bills: number[];
  serials: string[];
  lastPayment: number | null;
  /** Who hears of a pause: the addresses of the customers linked to the account. */
  linkedEmails: string[];
}

/** $1 supplier, $2 number, $3 user, $4 answers since, $5 bills since (a date). */
export const linkState = statement<
  [supplierId: string, number: string, userId: string, attemptsSince: Date, billsSince: string],
  LinkState
>(
  "accounts.link-state",
  `WITH acc AS (
     SELECT id, number, address, "balanceKopecks" FROM "PersonalAccount" WHERE "supplierId" = $1 AND number = $2
   ), target AS (
     SELECT COALESCE((SELECT id FROM acc), '${NO_ACCOUNT}'::uuid) AS id
   )
   SELECT
     (SELECT json_build_object('id', id, 'number', number, 'address', address, 'balanceKopecks', "balanceKopecks")
        FROM acc) AS account,
     EXISTS (SELECT 1 FROM "AccountLink" l, target WHERE l."userId" = $3::uuid AND l."accountId" = target.id)
       AS "alreadyLinked",
     (SELECT COALESCE(json_agg(json_build_object('userId', a."userId", 'success', a.success,
                        'at', (extract(epoch FROM a."createdAt") * 1000)::bigint)), '[]'::json)
        FROM "ControlQuestionAttempt" a
       WHERE a."supplierId" = $1 AND a."accountNumber" = $2 AND a."createdAt" > $4::timestamptz) AS attempts,
     ARRAY(SELECT (extract(epoch FROM a."createdAt") * 1000)::float8 FROM "ControlQuestionAttempt" a
            WHERE a."userId" = $3::uuid AND NOT a.success AND a."createdAt" > $4::timestamptz) AS "customerFailures",
     ARRAY(SELECT b."totalKopecks" FROM "Bill" b, target WHERE b."accountId" = target.id AND b.period >= $5::date)
       AS bills,
     ARRAY(SELECT m."serialNumber" FROM "Meter" m, target WHERE m."accountId" = target.id) AS serials,
     (SELECT p."amountKopecks" FROM "Payment" p, target WHERE p."accountId" = target.id AND p.status = 'ACCEPTED'
       ORDER BY p."paidAt" DESC LIMIT 1) AS "lastPayment",
     ARRAY(SELECT u.email FROM "AccountLink" l JOIN "User" u ON u.id = l."userId", target
            WHERE l."accountId" = target.id) AS "linkedEmails"`,
);

/**
 * The answer recorded and, when it links, the link written in the same statement; the first
 * account a customer links is their primary one. `isPrimary` is null when nothing was linked.
 * $1 user, $2 supplier, $3 number, $4 account (null when unknown), $5 question, $6 success,
 * $7 now, $8 whether to link.
 */
export const recordAnswer = statement<
  [
    userId: string,
    supplierId: string,
    number: string,
    accountId: string | null,
    question: ControlQuestion,
    success: boolean,
    now: Date,
    link: boolean,
  ],
  { isPrimary: boolean | null }
>(
  "accounts.link-record",
  `WITH attempt AS (
     INSERT INTO "ControlQuestionAttempt" ("userId", "supplierId", "accountNumber", "accountId", question, success, "createdAt")
     VALUES ($1::uuid, $2, $3, $4::uuid, $5::"ControlQuestionKind", $6, $7::timestamptz)
   ), link AS (
     INSERT INTO "AccountLink" (id, "userId", "accountId", "isPrimary", "createdAt")
     SELECT gen_random_uuid(), $1::uuid, $4::uuid,
            NOT EXISTS (SELECT 1 FROM "AccountLink" WHERE "userId" = $1::uuid AND "isPrimary"), $7::timestamptz
      WHERE $8::boolean
     RETURNING "isPrimary"
   )
   SELECT (SELECT "isPrimary" FROM link) AS "isPrimary"`,
);
