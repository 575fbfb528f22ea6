import type { Database } from "@lk/db";
import { DomainError } from "../../lib/domain-error.ts";

/**
 * The one door to an account: through the user's own link. An account the user has not linked
 * is simply not found (404), whether or not it exists, so no route can leak another's data.
 */
export async function requireLinkedAccount(db: Database, userId: string, accountId: string) {
  // Before every account-scoped route: one raw indexed lookup, cheaper than Prisma's query building.
  const [link] = await db.$queryRaw<{ accountId: string; isPrimary: boolean }[]>`
    SELECT "accountId", "isPrimary" FROM "AccountLink"
    WHERE "userId" = ${userId}::uuid AND "accountId" = ${accountId}::uuid`;
  if (!link) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  return link;
}
