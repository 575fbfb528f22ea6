import type { AccountDetails } from "@lk/contract";
import type { Database } from "@lk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  as,
  type Customer,
  createTestApp,
  endSession,
  linkByNumber,
  registerCustomer,
  type TestApp,
} from "../../test/test-app.ts";
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
  const { nickname } = await db.accountLink.findUniqueOrThrow({ where: { userId_accountId: { userId, accountId } } });
  return toDetails(
    account,
    { ...link, nickname },
    {
      lastBill: lastBill ? toBill(lastBill) : null,
      lastPayment: lastPayment
        ? { paidAt: lastPayment.paidAt.toISOString(), amountKopecks: lastPayment.amountKopecks }
        : null,
      meters: meters.map(toMeter),
    },
  );
}

/** The customer as the page's query sees them: their user, their session, now. */
const viewer = (customer: Customer) => ({
  userId: customer.id,
  sessionId: t.app.jwt.decode<{ sid: string }>(customer.token)?.sid as string,
  now: new Date(),
});

describe("the account page in one query", () => {
  it("gives exactly what the query-by-query reading gives, for every kind of account in the world", async () => {
    const customer = await registerCustomer(t.app);
    const accounts = await t.db.personalAccount.findMany({ orderBy: { number: "asc" } });
    for (const [i, account] of accounts.entries()) {
      await linkByNumber(t, customer, account.number, i === 0);
      expect(await readAccountPage(t.db, viewer(customer), account.id)).toEqual(
        await referencePage(t.db, customer.id, account.id),
      );
    }
    expect(accounts.length).toBeGreaterThanOrEqual(40);
  });

  it("answers 404 for an account the user has not linked", async () => {
    const customer = await registerCustomer(t.app);
    const account = await t.db.personalAccount.findFirstOrThrow();
    await expect(readAccountPage(t.db, viewer(customer), account.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("checks the session in the same query: after sign-out the page is 401, not the account", async () => {
    const customer = await registerCustomer(t.app);
    const account = await t.db.personalAccount.findFirstOrThrow({ orderBy: { number: "asc" } });
    await linkByNumber(t, customer, account.number);
    const api = as(t.app, customer);
    expect((await api("GET", `/api/accounts/${account.id}`)).statusCode).toBe(200);
    await endSession(t, customer);
    const after = await api("GET", `/api/accounts/${account.id}`);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("UNAUTHORIZED");
    // An ended session is 401 for an account that is not linked too: nothing is told about it.
    const other = await t.db.personalAccount.findFirstOrThrow({ where: { id: { not: account.id } } });
    expect((await api("GET", `/api/accounts/${other.id}`)).statusCode).toBe(401);
  });
});
