import { BillDelivery, ErrorBody } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulatedAcquirer } from "../../acquirer/simulated-acquirer.ts";
import { fixedClock } from "../../lib/clock.ts";
import { as, createTestApp, linkByNumber, registerCustomer, type TestApp } from "../../test/test-app.ts";
import { issueBills } from "../payments/billing-job.ts";

const clock = fixedClock(new Date("2026-11-20T12:00:00+03:00"));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

async function confirmedCustomer() {
  const c = await registerCustomer(t.app);
  await t.db.user.update({ where: { id: c.id }, data: { emailConfirmedAt: clock.now() } });
  return c;
}

describe("«Получение счёта по e-mail»", () => {
  it("needs a confirmed e-mail; then bills of the account go by e-mail, for every linked user", async () => {
    const unconfirmed = await registerCustomer(t.app);
    const account = await linkByNumber(t, unconfirmed, "7700000011");
    const url = `/api/accounts/${account.id}/bill-delivery`;
    const refused = await as(t.app, unconfirmed)("PUT", url, { method: "EMAIL" });
    expect(refused.statusCode).toBe(409);
    expect(ErrorBody.parse(refused.json()).error.code).toBe("EMAIL_NOT_CONFIRMED");
    expect((await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).billDelivery).toBe("PAPER");

    const c = await confirmedCustomer();
    await linkByNumber(t, c, "7700000011");
    const res = await as(t.app, c)("PUT", url, { method: "EMAIL" });
    expect(res.statusCode).toBe(200);
    expect(BillDelivery.parse(res.json())).toMatchObject({ accountId: account.id, method: "EMAIL", email: c.email });
    expect(await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      billDelivery: "EMAIL",
      billEmail: c.email,
    });
    // The other user linked to the account sees the account's choice.
    const seen = await as(t.app, unconfirmed)("GET", "/api/bill-delivery");
    expect(seen.json().accounts).toEqual([
      expect.objectContaining({ accountId: account.id, method: "EMAIL", email: c.email }),
    ]);
  });

  it("the bill run mails the bill of an e-mail account once, and not to paper accounts", async () => {
    const c = await confirmedCustomer();
    const byEmail = await linkByNumber(t, c, "7700000012");
    const onPaper = await linkByNumber(t, c, "7700000015", false);
    await as(t.app, c)("PUT", `/api/accounts/${byEmail.id}/bill-delivery`, { method: "EMAIL" });
    const deps = { db: t.db, clock: fixedClock("2026-12-01T03:00:00+03:00"), gateway: new SimulatedAcquirer() };
    await issueBills(deps);
    await issueBills(deps);
    const mails = await t.db.outboxMessage.findMany({ where: { to: c.email, kind: "BILL" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`Счёт за ноябрь 2026 по лицевому счёту ${byEmail.number}`);
    const bill = await t.db.bill.findFirstOrThrow({ where: { accountId: byEmail.id }, orderBy: { period: "desc" } });
    expect(mails[0]?.dedupeKey).toBe(`bill:${bill.id}`);
    expect(await t.db.outboxMessage.count({ where: { text: { contains: onPaper.number } } })).toBe(0);
  });

  it("back to paper clears the address; an unknown method or a stranger's account is refused", async () => {
    const c = await confirmedCustomer();
    const account = await linkByNumber(t, c, "7700000016");
    const url = `/api/accounts/${account.id}/bill-delivery`;
    await as(t.app, c)("PUT", url, { method: "EMAIL" });
    const paper = await as(t.app, c)("PUT", url, { method: "PAPER" });
    expect(paper.json()).toMatchObject({ method: "PAPER", email: null });
    expect((await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).billEmail).toBeNull();
    expect((await as(t.app, c)("PUT", url, { method: "PIGEON" })).statusCode).toBe(400);
    const stranger = await confirmedCustomer();
    expect((await as(t.app, stranger)("PUT", url, { method: "EMAIL" })).statusCode).toBe(404);
    expect((await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).billDelivery).toBe("PAPER");
  });
});
