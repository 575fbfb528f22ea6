import { randomUUID } from "node:crypto";
import { Payment } from "@lk/contract";
import { TEST_CARDS } from "@lk/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import {
  as,
  createTestApp,
  endSession,
  registerCustomer,
  statementsDuring,
  type TestApp,
} from "../../test/test-app.ts";
import { SimulatedGateway } from "./gateway.ts";
import { refundPayment, settlePayment } from "./settle.ts";

const MSK = (local: string) => new Date(`${local}+03:00`);
const clock = fixedClock(MSK("2026-11-20T12:00:00"));
const gateway = new SimulatedGateway(() => clock.now().getTime(), 3000);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, gateway, env: { RATE_LIMIT_PAYMENTS_PER_MINUTE: "10000" } });
});
afterAll(() => t.close());

const card = (number: string = TEST_CARDS.success) => ({ number, expiry: "12/30", cvc: "123" });

async function customerWith(number: string) {
  const c = await registerCustomer(t.app);
  const account = await t.db.personalAccount.findFirstOrThrow({ where: { number } });
  await t.db.accountLink.create({ data: { userId: c.id, accountId: account.id, isPrimary: true } });
  const balance = async () =>
    (await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).balanceKopecks;
  return { c, account, call: as(t.app, c), balance };
}

describe("«Оплатить»", () => {
  it("takes a card payment, marks it «зачислен» and lowers the balance", async () => {
    const { account, call, balance } = await customerWith("7700000001");
    const before = await balance();
    const res = await call("POST", `/api/accounts/${account.id}/payments`, {
      idempotencyKey: randomUUID(),
      amountKopecks: 123_456,
      card: card("4111 1111 1111 1111"),
    });
    expect(res.statusCode).toBe(201);
    expect(Payment.parse(res.json())).toMatchObject({ status: "ACCEPTED", channel: "PORTAL", amountKopecks: 123_456 });
    expect(await balance()).toBe(before - 123_456);
    const row = await t.db.payment.findUniqueOrThrow({ where: { id: res.json().id } });
    expect(row.gatewayRef).toMatch(/^sim-/);
    // No card details are kept anywhere.
    expect(JSON.stringify(row)).not.toContain("4111111111111111");
  });

  it("a declined card leaves the balance and says why", async () => {
    const { account, call, balance } = await customerWith("7700000002");
    const before = await balance();
    const res = await call("POST", `/api/accounts/${account.id}/payments`, {
      idempotencyKey: randomUUID(),
      amountKopecks: 50_000,
      card: card(TEST_CARDS.declined),
    });
    expect(res.json()).toMatchObject({
      status: "DECLINED",
      declineReason: "Банк отклонил платёж: недостаточно средств.",
    });
    expect(await balance()).toBe(before);
  });

  it("a gateway that does not answer leaves the payment «в обработке» until it does, then counts it once", async () => {
    const { account, call, balance } = await customerWith("7700000003");
    const before = await balance();
    const res = await call("POST", `/api/accounts/${account.id}/payments`, {
      idempotencyKey: randomUUID(),
      amountKopecks: 70_000,
      card: card(TEST_CARDS.timeout),
    });
    expect(res.json().status).toBe("PROCESSING");
    expect((await call("GET", `/api/accounts/${account.id}/payments/${res.json().id}`)).json().status).toBe(
      "PROCESSING",
    );
    clock.advance(3000);
    expect((await call("GET", `/api/accounts/${account.id}/payments/${res.json().id}`)).json().status).toBe("ACCEPTED");
    expect((await call("GET", `/api/accounts/${account.id}/payments/${res.json().id}`)).json().status).toBe("ACCEPTED");
    expect(await balance()).toBe(before - 70_000);
  });

  it("twenty parallel retries of one press charge once and make one payment", async () => {
    const { account, call, balance } = await customerWith("7700000010");
    const before = await balance();
    const charges = gateway.charges;
    const body = { idempotencyKey: randomUUID(), amountKopecks: 10_000, card: card() };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call("POST", `/api/accounts/${account.id}/payments`, body)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await t.db.payment.count({ where: { idempotencyKey: body.idempotencyKey } })).toBe(1);
    expect(gateway.charges - charges).toBe(1);
    expect(await balance()).toBe(before - 10_000);
  });

  it("statuses only move forward; a refund puts the money back once", async () => {
    const { account, call, balance } = await customerWith("7700000011");
    const before = await balance();
    const res = await call("POST", `/api/accounts/${account.id}/payments`, {
      idempotencyKey: randomUUID(),
      amountKopecks: 20_000,
      card: card(),
    });
    const id = res.json().id;
    await settlePayment(t.db, id, { status: "DECLINED", reason: "late" });
    expect((await t.db.payment.findUniqueOrThrow({ where: { id } })).status).toBe("ACCEPTED");
    expect(await refundPayment(t.db, id)).toBe(true);
    expect(await refundPayment(t.db, id)).toBe(false);
    await settlePayment(t.db, id, { status: "SUCCEEDED" });
    expect((await t.db.payment.findUniqueOrThrow({ where: { id } })).status).toBe("REFUNDED");
    expect(await balance()).toBe(before);
  });

  it("names a bad amount and a bad card, and takes nothing", async () => {
    const { account, call } = await customerWith("7700000012");
    const res = await call("POST", `/api/accounts/${account.id}/payments`, {
      idempotencyKey: randomUUID(),
      amountKopecks: 50,
      card: { number: "1234", expiry: "13/30", cvc: "1" },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["amountKopecks", "card.cvc", "card.expiry", "card.number"].sort());
    expect(await t.db.payment.count({ where: { accountId: account.id, channel: "PORTAL" } })).toBe(0);
  });
});

describe("«История»", () => {
  it("lists payments of a period: 23:59 Moscow on the last day is in, 00:00 the next day is out", async () => {
    const { account, call } = await customerWith("7700000015");
    const at = (local: string) =>
      t.db.payment.create({
        data: { accountId: account.id, paidAt: MSK(local), amountKopecks: 100, status: "ACCEPTED", channel: "BANK" },
      });
    const inside = await at("2026-08-31T23:59:00");
    const outside = await at("2026-09-01T00:00:00");
    const res = await call("GET", `/api/accounts/${account.id}/payments?from=2026-08-01&to=2026-08-31`);
    const ids = res.json().payments.map((p: { id: string }) => p.id);
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
  });

  it("lists bills by billed month and shows one with kWh × tariff per zone", async () => {
    const { account, call } = await customerWith("7700000016");
    const list = await call("GET", `/api/accounts/${account.id}/bills?from=2026-01-01&to=2026-06-30`);
    expect(list.json().bills.map((b: { period: string }) => b.period)).toEqual([
      "2026-06",
      "2026-05",
      "2026-04",
      "2026-03",
      "2026-02",
      "2026-01",
    ]);
    const bill = (await call("GET", `/api/accounts/${account.id}/bills/${list.json().bills[0].id}`)).json();
    expect(bill.lines.reduce((s: number, l: { amountKopecks: number }) => s + l.amountKopecks, 0)).toBe(
      bill.chargesKopecks,
    );
    for (const l of bill.lines) expect(l.amountKopecks).toBe(Math.round(Number(l.kwh) * l.rateKopecks));
    expect(bill.totalKopecks).toBe(bill.openingKopecks + bill.chargesKopecks);
    expect(bill.account.number).toBe("7700000016");
  });
});

describe("the cost of «Оплатить»", () => {
  it("takes four statements of the portal's own (the acquirer here keeps its ledger in memory), a retry two", async () => {
    const { account, call, balance } = await customerWith("7700000001");
    const before = await balance();
    const body = { idempotencyKey: randomUUID(), amountKopecks: 10_000, card: card() };
    const url = `/api/accounts/${account.id}/payments`;
    let first: { statusCode: number; json(): { id: string; status: string } } | undefined;
    expect(await statementsDuring(t, async () => (first = await call("POST", url, body)))).toBe(4);
    expect(first?.statusCode).toBe(201);
    expect(first?.json().status).toBe("ACCEPTED");
    let again: { json(): { id: string } } | undefined;
    expect(await statementsDuring(t, async () => (again = await call("POST", url, body)))).toBe(2);
    expect(again?.json().id).toBe(first?.json().id);
    expect(await balance()).toBe(before - 10_000);
  });

  it("checks the session in the payment's own statement: after sign-out it is 401 and nothing is written", async () => {
    const { c, account, call, balance } = await customerWith("7700000001");
    const before = await balance();
    await endSession(t, c);
    const res = await call("POST", `/api/accounts/${account.id}/payments`, {
      idempotencyKey: randomUUID(),
      amountKopecks: 10_000,
      card: card(),
    });
    expect(res.statusCode).toBe(401);
    expect(await t.db.payment.count({ where: { createdById: c.id } })).toBe(0);
    expect(await balance()).toBe(before);
  });
});
