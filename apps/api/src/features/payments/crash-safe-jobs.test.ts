import { AUTOPAY_TERMS, TEST_CARDS } from "@lk/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseLedger } from "../../acquirer/ledger.ts";
import { SimulatedAcquirer } from "../../acquirer/simulated-acquirer.ts";
import { fixedClock } from "../../lib/clock.ts";
import { withJobLock } from "../../lib/job-lock.ts";
import { payOnAcquirerPage } from "../../test/acquirer-page.ts";
import { as, createTestApp, linkByNumber, registerCustomer, type TestApp } from "../../test/test-app.ts";
import { finishAutopayCharges, issueBills } from "./billing-job.ts";
import type { PaymentGateway } from "./gateway.ts";
import { RECONCILE_AFTER_MS, reconcilePayments } from "./reconcile.ts";

// Issue 17: jobs stay right with several instances and crashes. Measured before: two of three
// concurrent bill runs crashed on a unique key; a payment pending at a restart stayed
// «В обработке» forever (the simulated acquirer kept its state in memory).
const clock = fixedClock(new Date("2026-11-20T12:00:00+03:00"));
let t: TestApp;
let gateway: SimulatedAcquirer;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { RATE_LIMIT_PAYMENTS_PER_MINUTE: "10000" } });
  gateway = new SimulatedAcquirer(() => clock.now(), new DatabaseLedger(t.db));
});
afterAll(() => t.close());

const balanceOf = async (accountId: string) =>
  (await t.db.personalAccount.findUniqueOrThrow({ where: { id: accountId } })).balanceKopecks;

async function withAutopay(number: string) {
  const c = await registerCustomer(t.app);
  const account = await linkByNumber(t, c, number);
  const applied = await as(t.app, c)("POST", `/api/accounts/${account.id}/autopayment`, {
    termsVersion: AUTOPAY_TERMS.version,
    termsAccepted: true,
    maxAmountKopecks: 10_000_000,
    receiptEmail: "receipts@example.ru",
  });
  expect(applied.statusCode).toBe(201);
  await payOnAcquirerPage(t.app, applied.json().confirmationUrl, TEST_CARDS.success);
  return account;
}

/** A gateway that stops the run ("the instance dies") around the charge, once. */
function dyingGateway(when: "before" | "after"): PaymentGateway {
  let died = false;
  return new Proxy(gateway, {
    get(target, property, receiver) {
      if (property !== "chargeToken") return Reflect.get(target, property, receiver);
      return async (input: Parameters<PaymentGateway["chargeToken"]>[0]) => {
        if (died) return target.chargeToken(input);
        died = true;
        if (when === "before") throw new Error("the instance died before the gateway answered");
        await target.chargeToken(input);
        throw new Error("the instance died after the money was taken, before it was recorded");
      };
    },
  });
}

describe("the bill run", () => {
  it("runs once at a time: a second run at the same moment says so and changes nothing", async () => {
    clock.set(new Date("2026-12-01T03:00:00+03:00"));
    const runs = await Promise.all(
      [1, 2, 3].map(() => withJobLock(t.db, "issue-bills", () => issueBills({ db: t.db, clock, gateway }))),
    );
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    const bills = await t.db.bill.groupBy({
      by: ["accountId"],
      where: { period: new Date("2026-11-01T00:00:00Z") },
      _count: true,
    });
    expect(bills.every((b) => b._count === 1)).toBe(true);
    expect(bills).toHaveLength(await t.db.personalAccount.count());
  });

  it.each([
    ["before the gateway answers", "before" as const, "7700000017", "2026-12"],
    ["after the money was taken, before it was recorded", "after" as const, "7700000015", "2027-01"],
  ])("stopped %s, the next run finishes the charge and the money is taken once", async (_, when, number, previous) => {
    const account = await withAutopay(number);
    clock.set(new Date(`${previous}-28T03:00:00+03:00`));
    const charges = gateway.charges;
    await expect(issueBills({ db: t.db, clock, gateway: dyingGateway(when) }, { period: previous })).rejects.toThrow(
      /died/,
    );
    // The bill and the intent to charge it were written together.
    const bill = await t.db.bill.findFirstOrThrow({
      where: { accountId: account.id, period: new Date(`${previous}-01`) },
    });
    const intent = await t.db.payment.findFirstOrThrow({ where: { autopayBillId: bill.id } });
    expect(intent).toMatchObject({ status: "PROCESSING", channel: "AUTOPAY", gatewayRef: null });
    expect(await balanceOf(account.id)).toBe(bill.totalKopecks);

    const report = await issueBills({ db: t.db, clock, gateway }, { period: previous });
    expect(report.resumed).toBe(1);
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: intent.id } })).toMatchObject({ status: "ACCEPTED" });
    expect(await t.db.payment.count({ where: { autopayBillId: bill.id } })).toBe(1);
    expect(gateway.charges - charges).toBe(1);
    expect(await balanceOf(account.id)).toBe(0);
    // Nothing left to finish; this account's standing order pays no later test's bills.
    expect(await finishAutopayCharges({ db: t.db, clock, gateway })).toBe(0);
    await t.db.autoPayment.updateMany({ where: { accountId: account.id }, data: { status: "OFF" } });
  });
});

describe("payments left «в обработке»", () => {
  it("settle after a restart of the instance: the acquirer's side is not in its memory", async () => {
    clock.set(new Date("2026-11-20T12:00:00+03:00"));
    const c = await registerCustomer(t.app);
    const account = await linkByNumber(t, c, "7700000016");
    const before = await balanceOf(account.id);
    const paid = await as(t.app, c)("POST", `/api/accounts/${account.id}/payments`, {
      idempotencyKey: crypto.randomUUID(),
      amountKopecks: 50_000,
    });
    await payOnAcquirerPage(t.app, paid.json().confirmationUrl, TEST_CARDS.timeout);
    const payment = paid.json().payment;
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PROCESSING");

    // "Restart": a new gateway object over the same records, and nobody opens the payment.
    const restarted = new SimulatedAcquirer(() => clock.now(), new DatabaseLedger(t.db));
    clock.advance(RECONCILE_AFTER_MS + 1);
    expect(await reconcilePayments({ db: t.db, clock, gateway: restarted })).toBe(1);
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "ACCEPTED",
    });
    expect(await balanceOf(account.id)).toBe(before - 50_000);
    // Asked again, nothing moves twice.
    expect(await reconcilePayments({ db: t.db, clock, gateway: restarted })).toBe(0);
    expect(await balanceOf(account.id)).toBe(before - 50_000);
  });
});
