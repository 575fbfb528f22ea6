import type { BillDelivery } from "@lk/contract";
import type { Database } from "@lk/db";
import { DomainError, shortAddressOf } from "@lk/domain";
import { requireLinkedAccount } from "../accounts/access.ts";

const select = { id: true, number: true, address: true, billDelivery: true, billEmail: true } as const;

function toDelivery(row: {
  id: string;
  number: string;
  address: string;
  billDelivery: "PAPER" | "EMAIL";
  billEmail: string | null;
}): BillDelivery {
  return {
    accountId: row.id,
    number: row.number,
    shortAddress: shortAddressOf(row.address),
    method: row.billDelivery,
    email: row.billDelivery === "EMAIL" ? row.billEmail : null,
  };
}

/** «Получение счёта по e-mail»: each linked account with how its bills arrive. */
export async function listBillDelivery(db: Database, userId: string): Promise<BillDelivery[]> {
  const links = await db.accountLink.findMany({
    where: { userId },
    orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }],
    select: { account: { select } },
  });
  return links.map((link) => toDelivery(link.account));
}

/**
 * E-mail bills go to the user's confirmed address and stop the paper ones; the setting is the
 * account's, so every user linked to it sees the same.
 */
export async function setBillDelivery(
  db: Database,
  userId: string,
  accountId: string,
  method: "PAPER" | "EMAIL",
): Promise<BillDelivery> {
  await requireLinkedAccount(db, userId, accountId);
  let billEmail: string | null = null;
  if (method === "EMAIL") {
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, emailConfirmedAt: true },
    });
    if (!user.emailConfirmedAt) throw new DomainError("EMAIL_NOT_CONFIRMED");
    billEmail = user.email;
  }
  const row = await db.personalAccount.update({
    where: { id: accountId },
    data: { billDelivery: method, billEmail },
    select,
  });
  return toDelivery(row);
}
