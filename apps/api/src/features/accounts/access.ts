import { type Database, sqlOf, statement } from "@lk/db";
import { DomainError } from "@lk/domain";

const linkOf = statement<[userId: string, accountId: string], { accountId: string; isPrimary: boolean }>(
  "accounts.link",
  `SELECT "accountId", "isPrimary" FROM "AccountLink" WHERE "userId" = $1::uuid AND "accountId" = $2::uuid`,
);

/**
 * The one door to an account: through the user's own link. An account the user has not linked
 * is simply not found (404), whether or not it exists, so no route can leak another's data.
 * Before every account-scoped route that does not fold it into its own query: a prepared lookup.
 */
export async function requireLinkedAccount(db: Database, userId: string, accountId: string) {
  const [link] = await sqlOf(db).query(linkOf, [userId, accountId]);
  if (!link) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  return link;
}
