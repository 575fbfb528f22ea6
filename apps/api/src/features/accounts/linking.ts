import { type AccountSummary, type ConfirmLinkBody, linkPausedMessage, type StartLinkResult } from "@lk/contract";
import type { Database, DatabaseOrTx as Db } from "@lk/db";
import {
  type AccountEvidence,
  controlQuestionText,
  decideLinkAnswer,
  formatMoscowDateTime,
  isCorrectAnswer,
  LINK_ATTEMPT_POLICY,
  type LinkAttempt,
  type LinkStanding,
  linkStanding,
  matchesAccountNumberFormat,
  monthOf,
  monthStart,
  normalizeAccountNumber,
} from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { enqueue } from "../outbox/outbox.ts";
import { toSummary } from "./mappers.ts";

export interface LinkingDeps {
  db: Database;
  clock: Clock;
}

// Looked up in place of an unknown account, so an unknown number costs the same queries as a real one.
const NO_ACCOUNT = "00000000-0000-0000-0000-000000000000";

async function findSupplier(db: Database, supplierId: string) {
  const supplier = await db.supplier.findUnique({ where: { id: supplierId } });
  if (!supplier) {
    throw new DomainError("VALIDATION_FAILED", undefined, {
      location: "body",
      fields: [{ path: "supplierId", message: "Выберите поставщика из списка." }],
    });
  }
  return supplier;
}

function checkNumberFormat(
  supplier: {
    shortName: string;
    accountNumberPattern: string;
    accountNumberHint: string;
    accountNumberExample: string;
  },
  number: string,
) {
  if (!matchesAccountNumberFormat(number, supplier.accountNumberPattern)) {
    throw new DomainError("VALIDATION_FAILED", undefined, {
      location: "body",
      fields: [
        {
          path: "accountNumber",
          message: `Номер лицевого счёта ${supplier.shortName}: ${supplier.accountNumberHint}, например ${supplier.accountNumberExample}.`,
        },
      ],
    });
  }
}

/** Every answer for this number in the window, from every customer (the domain weighs them). */
async function recentAttempts(db: Db, supplierId: string, accountNumber: string, now: Date): Promise<LinkAttempt[]> {
  const rows = await db.controlQuestionAttempt.findMany({
    where: { supplierId, accountNumber, createdAt: { gt: new Date(now.getTime() - LINK_ATTEMPT_POLICY.windowMs) } },
    select: { userId: true, success: true, createdAt: true },
  });
  return rows.map((r) => ({ userId: r.userId, success: r.success, at: r.createdAt }));
}

function waitError(standing: Exclude<LinkStanding, { status: "open" }>): DomainError {
  return new DomainError(standing.status === "locked" ? "LINK_LOCKED" : "LINK_PAUSED", undefined, {
    lockedUntil: standing.until.toISOString(),
    attemptsLeft: 0,
  });
}

/**
 * Linking proves the customer holds an account's papers; the login doing it must be a proved
 * address or phone, so that throw-away registrations cannot each bring their own guesses.
 */
async function requireConfirmedContact(db: Database, userId: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { emailConfirmedAt: true, phoneConfirmedAt: true },
  });
  if (!user) throw new DomainError("UNAUTHORIZED");
  if (!user.emailConfirmedAt && !user.phoneConfirmedAt) throw new DomainError("CONTACT_NOT_CONFIRMED");
}

async function alreadyLinked(db: Database, userId: string, supplierId: string, number: string): Promise<boolean> {
  const link = await db.accountLink.findFirst({
    where: { userId, account: { supplierId, number } },
    select: { id: true },
  });
  return link !== null;
}

/**
 * «Подключить»: checks the number's format and offers the supplier's questions. The answer is the
 * same whether or not the number exists, so the dialog cannot be used to probe for accounts.
 */
export async function startLink(
  { db, clock }: LinkingDeps,
  userId: string,
  body: { supplierId: string; accountNumber: string },
): Promise<StartLinkResult> {
  const supplier = await findSupplier(db, body.supplierId);
  checkNumberFormat(supplier, body.accountNumber);
  const accountNumber = normalizeAccountNumber(body.accountNumber);
  await requireConfirmedContact(db, userId);
  if (await alreadyLinked(db, userId, supplier.id, accountNumber)) throw new DomainError("ACCOUNT_ALREADY_LINKED");
  const now = clock.now();
  const standing = linkStanding(await recentAttempts(db, supplier.id, accountNumber, now), userId, now);
  if (standing.status !== "open") throw waitError(standing);
  return {
    supplierId: supplier.id,
    accountNumber,
    questions: supplier.controlQuestions.map((kind) => ({ kind, text: controlQuestionText[kind] })),
    attemptsLeft: standing.attemptsLeft,
  };
}

/** What the account's papers say: bills of the last 6 months, meter serials, the last payment. */
async function evidenceOf(db: Db, accountId: string, now: Date): Promise<AccountEvidence> {
  const since = new Date(`${monthOf(monthStart(monthOf(now), undefined, -6))}-01T00:00:00Z`);
  // One statement, the same for an account that exists and one that does not.
  const [row] = await db.$queryRaw<{ bills: number[]; serials: string[]; lastPayment: number | null }[]>`
    SELECT
      ARRAY(SELECT "totalKopecks" FROM "Bill" WHERE "accountId" = ${accountId}::uuid AND period >= ${since}::date) AS bills,
      ARRAY(SELECT "serialNumber" FROM "Meter" WHERE "accountId" = ${accountId}::uuid) AS serials,
      (SELECT "amountKopecks" FROM "Payment" WHERE "accountId" = ${accountId}::uuid AND status = 'ACCEPTED'
        ORDER BY "paidAt" DESC LIMIT 1) AS "lastPayment"`;
  return {
    recentBillTotals: row?.bills ?? [],
    meterSerials: row?.serials ?? [],
    lastPayment: row?.lastPayment ?? null,
  };
}

/**
 * «Подтвердить»: links the account when the answer is right. Every attempt is recorded; an
 * unknown number fails exactly like a wrong answer, after the same queries. Answers for one number
 * are serialised (whoever gives them), so parallel guesses cannot exceed either budget.
 */
export async function confirmLink(
  { db, clock }: LinkingDeps,
  userId: string,
  body: Required<Pick<ConfirmLinkBody, "supplierId" | "accountNumber" | "question" | "answer">>,
): Promise<AccountSummary> {
  const supplier = await findSupplier(db, body.supplierId);
  checkNumberFormat(supplier, body.accountNumber);
  const accountNumber = normalizeAccountNumber(body.accountNumber);
  if (!supplier.controlQuestions.includes(body.question)) {
    throw new DomainError("VALIDATION_FAILED", undefined, {
      location: "body",
      fields: [{ path: "question", message: "Выберите контрольный вопрос из списка." }],
    });
  }
  await requireConfirmedContact(db, userId);

  const outcome = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`link:${supplier.id}:${accountNumber}`}))`;
    const now = clock.now();
    // No `include`: it would cost a second query only when the account exists.
    const account = await tx.personalAccount.findUnique({
      where: { supplierId_number: { supplierId: supplier.id, number: accountNumber } },
    });
    const accountId = account?.id ?? NO_ACCOUNT;
    if (await tx.accountLink.findUnique({ where: { userId_accountId: { userId, accountId } } })) {
      return { kind: "already" as const };
    }
    // The evidence is read either way (the domain decides whether the answer counts at all).
    const attempts = await recentAttempts(tx, supplier.id, accountNumber, now);
    const evidence = await evidenceOf(tx, accountId, now);
    const decision = decideLinkAnswer(
      attempts,
      userId,
      now,
      account !== null && isCorrectAnswer(body.question, body.answer, evidence),
    );
    if (decision.kind === "refused") return { kind: "wait" as const, standing: decision.standing };
    await tx.controlQuestionAttempt.create({
      data: {
        userId,
        supplierId: supplier.id,
        accountNumber,
        accountId: account?.id ?? null,
        question: body.question,
        success: decision.record.success,
        createdAt: now,
      },
    });
    if (decision.pausedUntil) await tellLinkedCustomers(tx, accountId, accountNumber, decision.pausedUntil);
    if (decision.outcome.status !== "linked" || !account) {
      return decision.outcome.status === "open"
        ? { kind: "wrong" as const, attemptsLeft: decision.outcome.attemptsLeft }
        : { kind: "wait" as const, standing: decision.outcome as Exclude<LinkStanding, { status: "open" }> };
    }
    // The first account a customer links is their primary one.
    const hasPrimary = (await tx.accountLink.count({ where: { userId, isPrimary: true } })) > 0;
    await tx.accountLink.create({ data: { userId, accountId: account.id, isPrimary: !hasPrimary, createdAt: now } });
    return { kind: "linked" as const, account: toSummary({ ...account, supplier }, !hasPrimary) };
  });

  switch (outcome.kind) {
    case "already":
      throw new DomainError("ACCOUNT_ALREADY_LINKED");
    case "wait":
      throw waitError(outcome.standing);
    case "wrong":
      throw new DomainError("WRONG_ANSWER", `Ответ неверный. Осталось попыток: ${outcome.attemptsLeft}.`, {
        attemptsLeft: outcome.attemptsLeft,
      });
    case "linked":
      return outcome.account;
  }
}

/**
 * The account's budget of wrong answers is spent: every customer linked to it hears of it, once
 * per pause (the dedupe key names the pause), whether or not the number exists (no rows, no mail).
 */
async function tellLinkedCustomers(tx: Db, accountId: string, accountNumber: string, until: Date) {
  const links = await tx.accountLink.findMany({ where: { accountId }, select: { user: { select: { email: true } } } });
  for (const { user } of links) {
    await enqueue(tx, {
      ...linkPausedMessage(user.email, accountNumber, formatMoscowDateTime(until)),
      dedupeKey: `link-paused:${accountId}:${user.email}:${until.toISOString()}`,
    });
  }
}
