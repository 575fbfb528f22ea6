import type { Database } from "@lk/db";
import { DomainError } from "../../lib/domain-error.ts";

/**
 * The one door to an account: through the user's own link. An account the user has not linked
 * is simply not found (404), whether or not it exists, so no route can leak another's data.
 */
export async function requireLinkedAccount(db: Database, userId: string, accountId: string) {
  const link = await db.accountLink.findUnique({
    where: { userId_accountId: { userId, accountId } },
    select: { accountId: true, isPrimary: true },
  });
  if (!link) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  return link;
}
