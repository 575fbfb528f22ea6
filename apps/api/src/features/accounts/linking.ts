import type { AccountSummary, ConfirmLinkBody, StartLinkResult } from "@lk/contract";
import type { Database } from "@lk/db";
import {
  controlQuestionText,
  isCorrectAnswer,
  matchesAccountNumberFormat,
  monthOf,
  monthStart,
  normalizeAccountNumber,
} from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { toSummary } from "./mappers.ts";

export interface LinkingDeps {
  db: Database;
  clock: Clock;
}

/** SPEC §3: 5 wrong answers per account per user in 24 hours, then locked until the window passes. */
export const MAX_WRONG_ANSWERS = 5;
const LOCK_WINDOW_MS = 24 * 60 * 60 * 1000;

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

/** The wrong answers within the window, and what they mean: attempts left, lock. */
async function lockState(db: Database, now: Date, userId: string, supplierId: string, accountNumber: string) {
  const failures = await db.controlQuestionAttempt.findMany({
    where: {
      userId,
      supplierId,
      accountNumber,
      success: false,
      createdAt: { gt: new Date(now.getTime() - LOCK_WINDOW_MS) },
    },
    orderBy: { createdAt: "desc" },
    take: MAX_WRONG_ANSWERS,
    select: { createdAt: true },
  });
  const locked = failures.length >= MAX_WRONG_ANSWERS;
  const oldest = failures.at(-1)?.createdAt;
  return {
    attemptsLeft: Math.max(0, MAX_WRONG_ANSWERS - failures.length),
    lockedUntil: locked && oldest ? new Date(oldest.getTime() + LOCK_WINDOW_MS) : null,
  };
}

function lockedError(lockedUntil: Date): DomainError {
  return new DomainError("LINK_LOCKED", undefined, { lockedUntil: lockedUntil.toISOString(), attemptsLeft: 0 });
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
  if (await alreadyLinked(db, userId, supplier.id, accountNumber)) throw new DomainError("ACCOUNT_ALREADY_LINKED");
  const state = await lockState(db, clock.now(), userId, supplier.id, accountNumber);
  if (state.lockedUntil) throw lockedError(state.lockedUntil);
  return {
    supplierId: supplier.id,
    accountNumber,
    questions: supplier.controlQuestions.map((kind) => ({ kind, text: controlQuestionText[kind] })),
    attemptsLeft: state.attemptsLeft,
  };
}

/** What the account's papers say: bills of the last 6 months, meter serials, the last payment. */
async function evidenceOf(db: Database, accountId: string, now: Date) {
  const since = monthOf(monthStart(monthOf(now), undefined, -6));
  // Sequential on purpose: this runs inside a transaction, on one connection.
  const bills = await db.bill.findMany({
    where: { accountId, period: { gte: new Date(`${since}-01T00:00:00Z`) } },
    select: { totalKopecks: true },
  });
  const meters = await db.meter.findMany({ where: { accountId }, select: { serialNumber: true } });
  const lastPayment = await db.payment.findFirst({
    where: { accountId, status: "ACCEPTED" },
    orderBy: { paidAt: "desc" },
    select: { amountKopecks: true },
  });
  return {
    recentBillTotals: bills.map((b) => b.totalKopecks),
    meterSerials: meters.map((m) => m.serialNumber),
    lastPayment: lastPayment?.amountKopecks ?? null,
  };
}

/**
 * «Подтвердить»: links the account when the answer is right. Every attempt is recorded; an
 * unknown number fails exactly like a wrong answer. Attempts for one user and number are
 * serialised, so parallel guesses cannot exceed the limit.
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

  const outcome = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${userId}:${supplier.id}:${accountNumber}`}))`;
    const now = clock.now();
    const account = await tx.personalAccount.findUnique({
      where: { supplierId_number: { supplierId: supplier.id, number: accountNumber } },
      include: { supplier: true },
    });
    if (
      account &&
      (await tx.accountLink.findUnique({ where: { userId_accountId: { userId, accountId: account.id } } }))
    ) {
      return { kind: "already" as const };
    }
    const state = await lockState(tx as unknown as Database, now, userId, supplier.id, accountNumber);
    if (state.lockedUntil) return { kind: "locked" as const, lockedUntil: state.lockedUntil };

    const correct = account
      ? isCorrectAnswer(body.question, body.answer, await evidenceOf(tx as unknown as Database, account.id, now))
      : false;
    await tx.controlQuestionAttempt.create({
      data: {
        userId,
        supplierId: supplier.id,
        accountNumber,
        accountId: account?.id ?? null,
        question: body.question,
        success: correct,
        createdAt: now,
      },
    });
    if (!correct || !account) {
      const after = await lockState(tx as unknown as Database, now, userId, supplier.id, accountNumber);
      return after.lockedUntil
        ? { kind: "locked" as const, lockedUntil: after.lockedUntil }
        : { kind: "wrong" as const, attemptsLeft: after.attemptsLeft };
    }
    // The first account a customer links is their primary one.
    const hasPrimary = (await tx.accountLink.count({ where: { userId, isPrimary: true } })) > 0;
    await tx.accountLink.create({ data: { userId, accountId: account.id, isPrimary: !hasPrimary, createdAt: now } });
    return { kind: "linked" as const, account: toSummary(account, !hasPrimary) };
  });

  switch (outcome.kind) {
    case "already":
      throw new DomainError("ACCOUNT_ALREADY_LINKED");
    case "locked":
      throw lockedError(outcome.lockedUntil);
    case "wrong":
      throw new DomainError("WRONG_ANSWER", `Ответ неверный. Осталось попыток: ${outcome.attemptsLeft}.`, {
        attemptsLeft: outcome.attemptsLeft,
      });
    case "linked":
      return outcome.account;
  }
}
