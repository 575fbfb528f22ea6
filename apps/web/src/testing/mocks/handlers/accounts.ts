import { type AccountSummary, linkPausedMessage, routes } from "@lk/contract";
import { SUPPLIERS, type SupplierSeed } from "@lk/demo-data";
import {
  controlQuestionText,
  DomainError,
  decideLinkAnswer,
  formatMoscowDateTime,
  isCorrectAnswer,
  type LinkStanding,
  linkStanding,
  matchesAccountNumberFormat,
  normalizeAccountNumber,
} from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { requireLink } from "../mock-access.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { type MockAccountLink, mockDb } from "../mock-db.ts";
import { recentAttempts, recordAttempt } from "../mock-link-attempts.ts";
import { sendMessage } from "../mock-outbox.ts";
import { requireUser } from "../mock-profile.ts";
import { evidenceOf, findAccount, findAccountByNumber, findSupplier, toDetails, toSummary } from "../mock-world.ts";

const opts = { authenticate };

const fieldError = (path: string, message: string) =>
  new DomainError("VALIDATION_FAILED", undefined, { location: "body", fields: [{ path, message }] });

/** The supplier and the number in its format, as the API checks them before anything else. */
function checkNumber(supplierId: string, accountNumber: string): { supplier: SupplierSeed; number: string } {
  const supplier = findSupplier(supplierId);
  if (!supplier) throw fieldError("supplierId", "Выберите поставщика из списка.");
  if (!matchesAccountNumberFormat(accountNumber, supplier.accountNumberPattern)) {
    throw fieldError(
      "accountNumber",
      `Номер лицевого счёта ${supplier.shortName}: ${supplier.accountNumberHint}, например ${supplier.accountNumberExample}.`,
    );
  }
  return { supplier, number: normalizeAccountNumber(accountNumber) };
}

function linksOf(userId: string): MockAccountLink[] {
  return mockDb.state.accountLinks
    .filter((l) => l.userId === userId)
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.linkedAt.localeCompare(b.linkedAt));
}

function summariesOf(userId: string): AccountSummary[] {
  return linksOf(userId).flatMap((link) => {
    const bundle = findAccount(link.accountId);
    return bundle ? [toSummary(bundle, link.isPrimary)] : [];
  });
}

const questionsOf = (supplier: SupplierSeed) =>
  supplier.controlQuestions.map((kind) => ({ kind, text: controlQuestionText[kind] }));

function alreadyLinked(userId: string, accountId: string | undefined): boolean {
  return mockDb.state.accountLinks.some((l) => l.userId === userId && l.accountId === accountId);
}

function waitError(standing: Exclude<LinkStanding, { status: "open" }>): DomainError {
  return new DomainError(standing.status === "locked" ? "LINK_LOCKED" : "LINK_PAUSED", undefined, {
    attemptsLeft: 0,
    lockedUntil: standing.until.toISOString(),
  });
}

/** As in the API: only a proved e-mail or phone may link, so throw-away registrations bring no guesses. */
function requireConfirmedContact(userId: string): void {
  const user = requireUser(userId);
  if (!user.emailConfirmed && !(user.phone && user.phoneConfirmed)) throw new DomainError("CONTACT_NOT_CONFIRMED");
}

/** The account's wrong answers are spent: everyone linked to it hears why new links wait. */
function tellLinkedCustomers(accountId: string, accountNumber: string, until: Date): void {
  const linked = new Set(mockDb.state.accountLinks.filter((l) => l.accountId === accountId).map((l) => l.userId));
  for (const user of mockDb.state.users.filter((u) => linked.has(u.id))) {
    sendMessage(linkPausedMessage(user.email, accountNumber, formatMoscowDateTime(until)));
  }
}

export const accountHandlers = [
  mockRoute(
    routes.accounts.suppliers,
    () => ({
      // By name, as the API lists them.
      suppliers: [...SUPPLIERS]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((s) => ({
          id: s.id,
          name: s.name,
          shortName: s.shortName,
          accountNumberExample: s.accountNumberExample,
          accountNumberHint: s.accountNumberHint,
          controlQuestions: questionsOf(s),
        })),
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
      const standing = linkStanding(recentAttempts({ supplierId: supplier.id, accountNumber: number }, now), user, now);
      if (standing.status !== "open") throw waitError(standing);
      // The same answer whether or not the number exists: it fails later, at the control question.
      return {
        supplierId: supplier.id,
        accountNumber: number,
        questions: questionsOf(supplier),
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
      if (!supplier.controlQuestions.includes(body.question)) {
        throw fieldError("question", "Выберите контрольный вопрос из списка.");
      }
      requireConfirmedContact(user);
      const bundle = findAccountByNumber(supplier.id, number);
      if (alreadyLinked(user, bundle?.account.id)) throw new DomainError("ACCOUNT_ALREADY_LINKED");
      const key = { supplierId: supplier.id, accountNumber: number };
      // An unknown number is a wrong answer like any other: the same counts, the same answers.
      const correct = bundle !== undefined && isCorrectAnswer(body.question, body.answer, evidenceOf(bundle, now));
      const decision = decideLinkAnswer(recentAttempts(key, now), user, now, correct);
      if (decision.kind === "refused") throw waitError(decision.standing);
      recordAttempt(key, user, now, decision.record.success);
      const { outcome } = decision;
      // As the API words the letter: until the account's pause ends.
      if (decision.pausedUntil && bundle) {
        tellLinkedCustomers(bundle.account.id, number, decision.pausedUntil);
      }
      if (outcome.status === "open") {
        throw new DomainError("WRONG_ANSWER", `Ответ неверный. Осталось попыток: ${outcome.attemptsLeft}.`, {
          attemptsLeft: outcome.attemptsLeft,
        });
      }
      if (outcome.status !== "linked") throw waitError(outcome);
      // Only an existing account's answer can be right.
      if (!bundle) throw new Error("linked an account that does not exist");

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
      return toDetails(bundle, link.isPrimary);
    },
    opts,
  ),
  mockRoute(
    routes.accounts.unlink,
    ({ input: { params }, userId }) => {
      const user = userId as string;
      const { link } = requireLink(user, params.accountId);
      if (link.isPrimary && linksOf(user).length > 1) throw new DomainError("PRIMARY_ACCOUNT");
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
];
