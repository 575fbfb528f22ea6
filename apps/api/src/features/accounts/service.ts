import type { AccountSummary, SupplierSummary } from "@lk/contract";
import type { Database } from "@lk/db";
import { requireUnlinkable, supplierView } from "@lk/domain";
import { requireLinkedAccount } from "./access.ts";
import { toSummary } from "./mappers.ts";

export async function listSuppliers(db: Database): Promise<SupplierSummary[]> {
  const suppliers = await db.supplier.findMany({ orderBy: { name: "asc" } });
  return suppliers.map(supplierView);
}

/** The customer's accounts, the primary one first, then in the order they were linked. */
export async function listAccounts(db: Database, userId: string): Promise<AccountSummary[]> {
  const links = await db.accountLink.findMany({
    where: { userId },
    orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }],
    include: { account: { include: { supplier: true } } },
  });
  return links.map((link) => toSummary(link.account, link.isPrimary, link.nickname));
}

/**
 * «Удалить»: only the link goes; the account stays with the supplier. The primary account stays
 * while others exist (another must become primary first); the last one may go.
 */
export async function unlinkAccount(db: Database, userId: string, accountId: string): Promise<void> {
  const link = await requireLinkedAccount(db, userId, accountId);
  requireUnlinkable(link.isPrimary, await db.accountLink.count({ where: { userId } }));
  await db.accountLink.delete({ where: { userId_accountId: { userId, accountId } } });
}

export async function makePrimary(db: Database, userId: string, accountId: string): Promise<AccountSummary[]> {
  await requireLinkedAccount(db, userId, accountId);
  await db.$transaction([
    db.accountLink.updateMany({ where: { userId, isPrimary: true }, data: { isPrimary: false } }),
    db.accountLink.update({ where: { userId_accountId: { userId, accountId } }, data: { isPrimary: true } }),
  ]);
  return listAccounts(db, userId);
}

/** «Переименовать»: the customer's own name for the account, on their link only (null removes it). */
export async function renameAccount(
  db: Database,
  userId: string,
  accountId: string,
  nickname: string | null,
): Promise<AccountSummary[]> {
  await requireLinkedAccount(db, userId, accountId);
  await db.accountLink.update({ where: { userId_accountId: { userId, accountId } }, data: { nickname } });
  return listAccounts(db, userId);
}
