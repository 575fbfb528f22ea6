import type { AccountDetails } from "@lk/contract";
import type { Database } from "@lk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, linkByNumber, registerCustomer, type TestApp } from "../../test/test-app.ts";
import { requireLinkedAccount } from "./access.ts";
import { readAccountPage } from "./account-page.ts";
import { toBill, toDetails, toMeter } from "./mappers.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The account page as Prisma reads it, query by query: the reference for the one-query version. */
async function referencePage(db: Database, userId: string, accountId: string): Promise<AccountDetails> {
  const link = await requireLinkedAccount(db, userId, accountId);
  const [account, lastBill, lastPayment, meters] = await Promise.all([
    db.personalAccount.findUniqueOrThrow({ where: { id: accountId }, include: { supplier: true } }),
    db.bill.findFirst({ where: { accountId }, orderBy: { period: "desc" } }),
    db.payment.findFirst({ where: { accountId, status: "ACCEPTED" }, orderBy: { paidAt: "desc" } }),
    db.meter.findMany({
      where: { accountId },
      orderBy: { serialNumber: "asc" },
      include: { readings: { orderBy: { takenAt: "desc" }, take: 1 } },
    }),
  ]);
  return toDetails(account, link.isPrimary, {
    lastBill: lastBill ? toBill(lastBill) : null,
    lastPayment: lastPayment
      ? { paidAt: lastPayment.paidAt.toISOString(), amountKopecks: lastPayment.amountKopecks }
      : null,
    meters: meters.map(toMeter),
  });
}

describe("the account page in one query", () => {
  it("gives exactly what the query-by-query reading gives, for every kind of account in the world", async () => {
    const customer = await registerCustomer(t.app);
    const accounts = await t.db.personalAccount.findMany({ orderBy: { number: "asc" } });
    for (const [i, account] of accounts.entries()) {
      await linkByNumber(t, customer, account.number, i === 0);
      expect(await readAccountPage(t.db, customer.id, account.id)).toEqual(
        await referencePage(t.db, customer.id, account.id),
      );
    }
    expect(accounts.length).toBeGreaterThanOrEqual(40);
  });

  it("answers 404 for an account the user has not linked", async () => {
    const customer = await registerCustomer(t.app);
    const account = await t.db.personalAccount.findFirstOrThrow();
    await expect(readAccountPage(t.db, customer.id, account.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
