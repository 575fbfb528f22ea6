import { type AccountSummary, routes } from "@lk/contract";
import { SUPPLIERS, type SupplierSeed } from "@lk/demo-data";
import { controlQuestionText, isCorrectAnswer, matchesAccountNumberFormat, normalizeAccountNumber } from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { requireLink } from "../mock-access.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { type MockAccountLink, mockDb } from "../mock-db.ts";
import { MockError } from "../mock-error.ts";
import { attemptStatus, recordAttempt } from "../mock-link-attempts.ts";
import { evidenceOf, findAccount, findAccountByNumber, findSupplier, toDetails, toSummary } from "../mock-world.ts";

const opts = { authenticate };

const fieldError = (path: string, message: string) =>
  new MockError("VALIDATION_FAILED", undefined, { location: "body", fields: [{ path, message }] });

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

function lockedError(lockedUntil: Date): MockError {
  return new MockError("LINK_LOCKED", undefined, { attemptsLeft: 0, lockedUntil: lockedUntil.toISOString() });
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
      // Telling "already yours" reveals nothing: the customer has already proved this account.
      if (alreadyLinked(user, findAccountByNumber(supplier.id, number)?.account.id)) {
        throw new MockError("ACCOUNT_ALREADY_LINKED");
      }
      const status = attemptStatus({ userId: user, supplierId: supplier.id, accountNumber: number }, mockClock.now());
      if (status.lockedUntil) throw lockedError(status.lockedUntil);
      // The same answer whether or not the number exists: it fails later, at the control question.
      return {
        supplierId: supplier.id,
        accountNumber: number,
        questions: questionsOf(supplier),
        attemptsLeft: status.attemptsLeft,
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
      const bundle = findAccountByNumber(supplier.id, number);
      if (alreadyLinked(user, bundle?.account.id)) throw new MockError("ACCOUNT_ALREADY_LINKED");
      const key = { userId: user, supplierId: supplier.id, accountNumber: number };
      const before = attemptStatus(key, now);
      if (before.lockedUntil) throw lockedError(before.lockedUntil);

      const correct = bundle !== undefined && isCorrectAnswer(body.question, body.answer, evidenceOf(bundle, now));
      recordAttempt(key, now, correct);
      if (!bundle || !correct) {
        const after = attemptStatus(key, now);
        if (after.lockedUntil) throw lockedError(after.lockedUntil);
        throw new MockError("WRONG_ANSWER", `Ответ неверный. Осталось попыток: ${after.attemptsLeft}.`, {
          attemptsLeft: after.attemptsLeft,
        });
      }

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
      if (link.isPrimary && linksOf(user).length > 1) throw new MockError("PRIMARY_ACCOUNT");
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
