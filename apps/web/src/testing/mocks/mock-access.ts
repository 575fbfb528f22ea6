import type { AccountBundle } from "@lk/demo-data";
import { DomainError } from "@lk/domain";
import { type MockAccountLink, mockDb } from "./mock-db.ts";
import { findAccount } from "./mock-world.ts";

/** The one door to an account, as in the API: another's account and no account look the same, not found. */
export function requireLink(userId: string, accountId: string): { link: MockAccountLink; bundle: AccountBundle } {
  const link = mockDb.state.accountLinks.find((l) => l.userId === userId && l.accountId === accountId);
  const bundle = findAccount(accountId);
  if (!link || !bundle) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  return { link, bundle };
}
