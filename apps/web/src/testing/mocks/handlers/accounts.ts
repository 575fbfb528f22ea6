import { type AccountSummary, accountLinkedMessage, linkPausedMessage, routes } from "@lk/contract";
import { SUPPLIERS, type SupplierSeed } from "@lk/demo-data";
import {
  checkedAccountNumber,
  DomainError,
  decideLinkAnswer,
  formatMoscowDateTime,
  isCorrectAnswer,
  linkAnswerRefusal,
  linkStanding,
  linkWaitRefusal,
  offeredQuestions,
  requireOfferedQuestion,
  requireProvedContact,
  requireUnlinkable,
  supplierView,
  unknownSupplier,
} from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { requireLink } from "../mock-access.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { type MockAccountLink, mockDb } from "../mock-db.ts";
import { customerFailures, recentAttempts, recordAttempt } from "../mock-link-attempts.ts";
import { sendMessage } from "../mock-outbox.ts";
import { requireUser } from "../mock-profile.ts";
import { evidenceOf, findAccount, findAccountByNumber, findSupplier, toDetails, toSummary } from "../mock-world.ts";

const opts = { authenticate };

/** The supplier and the number in its format, as the API checks them before anything else. */
function checkNumber(supplierId: string, accountNumber: string): { supplier: SupplierSeed; number: string } {
  const supplier = findSupplier(supplierId);
  if (!supplier) throw unknownSupplier();
  return { supplier, number: checkedAccountNumber(supplier, accountNumber) };
}

function linksOf(userId: string): MockAccountLink[] {
  return mockDb.state.accountLinks
    .filter((l) => l.userId === userId)
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.linkedAt.localeCompare(b.linkedAt));
}

function summariesOf(userId: string): AccountSummary[] {
  return linksOf(userId).flatMap((link) => {
    const bundle = findAccount(link.accountId);
    return bundle ? [toSummary(bundle, link.isPrimary, link.nickname ?? null)] : [];
  });
}

function alreadyLinked(userId: string, accountId: string | undefined): boolean {
  return mockDb.state.accountLinks.some((l) => l.userId === userId && l.accountId === accountId);
}

function requireConfirmedContact(userId: string): void {
  const user = requireUser(userId);
  requireProvedContact(!!user.emailConfirmed || !!(user.phone && user.phoneConfirmed));
}

/** The addresses of the customers linked to an account. */
function linkedEmails(accountId: string): string[] {
  const linked = new Set(mockDb.state.accountLinks.filter((l) => l.accountId === accountId).map((l) => l.userId));
  return mockDb.state.users.filter((u) => linked.has(u.id)).map((u) => u.email);
}

export const accountHandlers = [
  mockRoute(
    routes.accounts.suppliers,
    () => ({
      // By name, as the API lists them.
      suppliers: [...SUPPLIERS].sort((a, b) => (a.name < b.name ? -1 : 1)).map(supplierView),
    }),
    opts,
  ),
  mockRoute(routes.accounts.list, ({ userId }) => ({ accounts: summariesOf(userId as string) }), opts),
  mockRoute(
    routes.accounts.startLink,
    ({ input: { body }, userId }) => {
      const user = userId as string;
      const { supplier, number } = checkNumber(body.supplierId, body.accountNumber);
      requireConfirmedContact(user);
      // Telling "already yours" reveals nothing: the customer has already proved this account.
      if (alreadyLinked(user, findAccountByNumber(supplier.id, number)?.account.id)) {
        throw new DomainError("ACCOUNT_ALREADY_LINKED");
      }
      const now = mockClock.now();
      const standing = linkStanding(
        recentAttempts({ supplierId: supplier.id, accountNumber: number }, now),
        user,
        now,
        customerFailures(user, now),
      );
      if (standing.status !== "open") throw linkWaitRefusal(standing);
      // The same answer whether or not the number exists: it fails later, at the control question.
      return {
        supplierId: supplier.id,
        accountNumber: number,
        questions: offeredQuestions(supplier.controlQuestions),
        attemptsLeft: standing.attemptsLeft,
      };
    },
    opts,
  ),
  mockRoute(
    routes.accounts.confirmLink,
    ({ input: { body }, userId }) => {
      const user = userId as string;
      const now = mockClock.now();
      const { supplier, number } = checkNumber(body.supplierId, body.accountNumber);
      requireOfferedQuestion(supplier, body.question);
      requireConfirmedContact(user);
      const bundle = findAccountByNumber(supplier.id, number);
      if (alreadyLinked(user, bundle?.account.id)) throw new DomainError("ACCOUNT_ALREADY_LINKED");
      const key = { supplierId: supplier.id, accountNumber: number };
      // An unknown number is a wrong answer like any other: the same counts, the same answers.
      const correct = bundle !== undefined && isCorrectAnswer(body.question, body.answer, evidenceOf(bundle, now));
      const decision = decideLinkAnswer(recentAttempts(key, now), user, now, correct, customerFailures(user, now));
      if (decision.kind === "refused") throw linkWaitRefusal(decision.standing);
      recordAttempt(key, user, now, decision.record.success);
      const { outcome } = decision;
      // As the API words the letter: until the account's pause ends.
      if (decision.pausedUntil && bundle) {
        const until = formatMoscowDateTime(decision.pausedUntil);
        for (const email of linkedEmails(bundle.account.id)) sendMessage(linkPausedMessage(email, number, until));
      }
      if (outcome.status !== "linked") throw linkAnswerRefusal(outcome);
      // Only an existing account's answer can be right.
      if (!bundle) throw new Error("linked an account that does not exist");

      // The customers who had the account hear that someone else has it now.
      const at = formatMoscowDateTime(now);
      for (const email of linkedEmails(bundle.account.id)) sendMessage(accountLinkedMessage(email, number, at));
      const isPrimary = linksOf(user).length === 0;
      mockDb.state.accountLinks.push({
        userId: user,
        accountId: bundle.account.id,
        isPrimary,
        linkedAt: now.toISOString(),
      });
      mockDb.save();
      return { account: toSummary(bundle, isPrimary) };
    },
    opts,
  ),
  mockRoute(
    routes.accounts.get,
    ({ input: { params }, userId }) => {
      const { link, bundle } = requireLink(userId as string, params.accountId);
      return toDetails(bundle, link);
    },
    opts,
  ),
  mockRoute(
    routes.accounts.unlink,
    ({ input: { params }, userId }) => {
      const user = userId as string;
      const { link } = requireLink(user, params.accountId);
      requireUnlinkable(link.isPrimary, linksOf(user).length);
      mockDb.state.accountLinks = mockDb.state.accountLinks.filter((l) => l !== link);
      mockDb.save();
      return undefined;
    },
    opts,
  ),
  mockRoute(
    routes.accounts.makePrimary,
    ({ input: { params }, userId }) => {
      const user = userId as string;
      requireLink(user, params.accountId);
      for (const link of mockDb.state.accountLinks) {
        if (link.userId === user) link.isPrimary = link.accountId === params.accountId;
      }
      mockDb.save();
      return { accounts: summariesOf(user) };
    },
    opts,
  ),
  mockRoute(
    routes.accounts.rename,
    ({ input: { params, body }, userId }) => {
      const user = userId as string;
      const { link } = requireLink(user, params.accountId);
      link.nickname = body.nickname;
      mockDb.save();
      return { accounts: summariesOf(user) };
    },
    opts,
  ),
];
