import {
  type AccountSummary,
  accountLinkedMessage,
  type ConfirmLinkBody,
  linkPausedMessage,
  type StartLinkResult,
} from "@lk/contract";
import { type Database, type DatabaseOrTx as Db, transaction } from "@lk/db";
import {
  checkedAccountNumber,
  DomainError,
  decideLinkAnswer,
  formatMoscowDateTime,
  isCorrectAnswer,
  LINK_ATTEMPT_POLICY,
  type LinkAttempt,
  type LinkStanding,
  linkAnswerRefusal,
  linkStanding,
  linkWaitRefusal,
  monthOf,
  monthStart,
  normalizeAccountNumber,
  offeredQuestions,
  requireOfferedQuestion,
  requireProvedContact,
  unknownSupplier,
} from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { requireActiveSession, type Viewer } from "../auth/session-check.ts";
import { enqueueIn, type OutgoingMessage } from "../outbox/outbox.ts";
import { linkContext, linkState, NO_ACCOUNT, recordAnswer } from "./link-queries.ts";
import { toSummary } from "./mappers.ts";

export interface LinkingDeps {
  db: Database;
  clock: Clock;
}

async function findSupplier(db: Database, supplierId: string) {
  const supplier = await db.supplier.findUnique({ where: { id: supplierId } });
  if (!supplier) throw unknownSupplier();
  return supplier;
}

/** Every answer for this number in the window, from every customer (the domain weighs them). */
async function recentAttempts(db: Db, supplierId: string, accountNumber: string, now: Date): Promise<LinkAttempt[]> {
  const rows = await db.controlQuestionAttempt.findMany({
    where: { supplierId, accountNumber, createdAt: { gt: new Date(now.getTime() - LINK_ATTEMPT_POLICY.windowMs) } },
    select: { userId: true, success: true, createdAt: true },
  });
  return rows.map((r) => ({ userId: r.userId, success: r.success, at: r.createdAt }));
}

/** When this customer answered wrong, for any number, in the window (the budget over every number). */
async function customerFailures(db: Db, userId: string, now: Date): Promise<Date[]> {
  const rows = await db.controlQuestionAttempt.findMany({
    where: { userId, success: false, createdAt: { gt: new Date(now.getTime() - LINK_ATTEMPT_POLICY.windowMs) } },
    select: { createdAt: true },
  });
  return rows.map((r) => r.createdAt);
}

/** Only a proved login may link (the domain's rule). */
async function requireConfirmedContact(db: Database, userId: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { emailConfirmedAt: true, phoneConfirmedAt: true },
  });
  if (!user) throw new DomainError("UNAUTHORIZED");
  requireProvedContact(user.emailConfirmedAt !== null || user.phoneConfirmedAt !== null);
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
  const accountNumber = checkedAccountNumber(supplier, body.accountNumber);
  await requireConfirmedContact(db, userId);
  if (await alreadyLinked(db, userId, supplier.id, accountNumber)) throw new DomainError("ACCOUNT_ALREADY_LINKED");
  const now = clock.now();
  const [attempts, failures] = await Promise.all([
    recentAttempts(db, supplier.id, accountNumber, now),
    customerFailures(db, userId, now),
  ]);
  const standing = linkStanding(attempts, userId, now, failures);
  if (standing.status !== "open") throw linkWaitRefusal(standing);
  return {
    supplierId: supplier.id,
    accountNumber,
    questions: offeredQuestions(supplier.controlQuestions),
    attemptsLeft: standing.attemptsLeft,
  };
}

/**
 * «Подтвердить»: links the account when the answer is right. Every attempt is recorded; an
 * unknown number fails exactly like a wrong answer, after the same statements. Answers for one
 * number are serialised (whoever gives them), so parallel guesses cannot exceed either budget.
 * Five statements: BEGIN, the context with the number's lock, the number's state, the answer (and
 * the link) written, COMMIT; a pause that tells the linked customers adds their letters.
 */
export async function confirmLink(
  { db }: LinkingDeps,
  viewer: Viewer,
  body: Required<Pick<ConfirmLinkBody, "supplierId" | "accountNumber" | "question" | "answer">>,
): Promise<AccountSummary> {
  const { userId, now } = viewer;
  // The lock's key is the number as stored; a number of the wrong format is refused after it.
  const accountNumber = normalizeAccountNumber(body.accountNumber);
  const outcome = await transaction(db, async (sql) => {
    const [context] = await sql.query(linkContext, [
      userId,
      viewer.sessionId,
      now,
      body.supplierId,
      `link:${body.supplierId}:${accountNumber}`,
      `link-customer:${userId}`,
    ]);
    requireActiveSession(context?.sessionActive);
    const supplier = context?.supplier;
    if (!supplier) throw unknownSupplier();
    checkedAccountNumber(supplier, body.accountNumber);
    requireOfferedQuestion(supplier, body.question);
    if (context.contactConfirmed === null) throw new DomainError("UNAUTHORIZED");
    requireProvedContact(context.contactConfirmed);
    const [state] = await sql.query(linkState, [
      supplier.id,
      accountNumber,
      userId,
      new Date(now.getTime() - LINK_ATTEMPT_POLICY.windowMs),
      `${monthOf(monthStart(monthOf(now), undefined, -6))}-01`,
    ]);
    if (!state) throw new Error("the link state statement returned no row");
    const { account } = state;
    if (state.alreadyLinked) return { kind: "already" as const };
    const attempts = state.attempts.map((a) => ({ userId: a.userId, success: a.success, at: new Date(Number(a.at)) }));
    const evidence = { recentBillTotals: state.bills, meterSerials: state.serials, lastPayment: state.lastPayment };
    // The evidence is read either way (the domain decides whether the answer counts at all).
    const correct = account !== null && isCorrectAnswer(body.question, body.answer, evidence);
    const failures = state.customerFailures.map((at) => new Date(Number(at)));
    const decision = decideLinkAnswer(attempts, userId, now, correct, failures);
    if (decision.kind === "refused") return { kind: "refused" as const, error: linkWaitRefusal(decision.standing) };
    const links = decision.outcome.status === "linked" && account !== null;
    const [written] = await sql.query(recordAnswer, [
      userId,
      supplier.id,
      accountNumber,
      account?.id ?? null,
      body.question,
      decision.record.success,
      now,
      links,
    ]);
    if (decision.pausedUntil) {
      await enqueueIn(
        sql,
        pauseLetters(account?.id ?? NO_ACCOUNT, accountNumber, decision.pausedUntil, state.linkedEmails),
      );
    }
    if (links && account) {
      // The customers who had the account hear that someone else has it now (one statement, only
      // when there are any, so a first link costs what a wrong answer does).
      if (state.linkedEmails.length) {
        const at = formatMoscowDateTime(now);
        await enqueueIn(
          sql,
          state.linkedEmails.map((email) => accountLinkedMessage(email, accountNumber, at)),
        );
      }
      const isPrimary = written?.isPrimary === true;
      return { kind: "linked" as const, account: toSummary({ ...account, supplier }, isPrimary) };
    }
    return { kind: "refused" as const, error: linkAnswerRefusal(decision.outcome as LinkStanding) };
  });

  switch (outcome.kind) {
    case "already":
      throw new DomainError("ACCOUNT_ALREADY_LINKED");
    case "refused":
      throw outcome.error;
    case "linked":
      return outcome.account;
  }
}

/**
 * The account's budget of wrong answers is spent: every customer linked to it hears of it, once
 * per pause (the dedupe key names the pause), whether or not the number exists (no rows, no mail).
 */
function pauseLetters(accountId: string, accountNumber: string, until: Date, emails: string[]): OutgoingMessage[] {
  return emails.map((email) => ({
    ...linkPausedMessage(email, accountNumber, formatMoscowDateTime(until)),
    dedupeKey: `link-paused:${accountId}:${email}:${until.toISOString()}`,
  }));
}
