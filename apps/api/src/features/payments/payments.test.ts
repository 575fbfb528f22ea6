import { randomUUID } from "node:crypto";
import { PaymentStarted } from "@lk/contract";
import { ACQUIRER_REASONS, PAYMENT_PAGE_TTL_MS, SBP_LINK_TTL_MS, TEST_CARDS } from "@lk/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCallback } from "../../acquirer/signature.ts";
import { SimulatedAcquirer } from "../../acquirer/simulated-acquirer.ts";
import { fixedClock } from "../../lib/clock.ts";
import { payOnAcquirerPage, postAcquirerForm } from "../../test/acquirer-page.ts";
import {
  as,
  createTestApp,
  endSession,
  registerCustomer,
  statementsDuring,
  type TestApp,
} from "../../test/test-app.ts";
import { refundPayment, settlePayment } from "./settle.ts";

const MSK = (local: string) => new Date(`${local}+03:00`);
const clock = fixedClock(MSK("2026-11-20T12:00:00"));
const gateway = new SimulatedAcquirer(() => clock.now());
const SECRET = "a-callback-secret-of-at-least-32-characters";
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    clock,
    gateway,
    env: { RATE_LIMIT_PAYMENTS_PER_MINUTE: "10000", ACQUIRER_SECRET: SECRET },
  });
});
afterAll(() => t.close());

async function customerWith(number: string) {
  const c = await registerCustomer(t.app);
  const account = await t.db.personalAccount.findFirstOrThrow({ where: { number } });
  await t.db.accountLink.create({ data: { userId: c.id, accountId: account.id, isPrimary: true } });
  const balance = async () =>
    (await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).balanceKopecks;
  const call = as(t.app, c);
  const status = async (id: string) => (await t.db.payment.findUniqueOrThrow({ where: { id } })).status;
  /** «Оплатить»: the payment «в обработке» and the acquirer's page. */
  const start = async (amountKopecks: number, idempotencyKey: string = randomUUID()) => {
    const res = await call("POST", `/api/accounts/${account.id}/payments`, { idempotencyKey, amountKopecks });
    expect(res.statusCode).toBe(201);
    return PaymentStarted.parse(res.json());
  };
  return { c, account, call, balance, status, start };
}

describe("«Оплатить»: the card on the acquirer's page", () => {
  it("creates a payment «в обработке», the acquirer's page takes the card and 3-D Secure, and its signed callback credits it", async () => {
    const { c, account, balance, status, start } = await customerWith("7700000001");
    const before = await balance();
    const { payment, confirmationUrl } = await start(123_456);
    expect(payment).toMatchObject({ status: "PROCESSING", channel: "PORTAL", amountKopecks: 123_456 });
    expect(confirmationUrl).toMatch(/^\/acquirer\/pay\/sim-/);

    const page = await t.app.inject({ method: "GET", url: confirmationUrl });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toMatch(/Оплатить 1\s234,56/);
    expect(await status(payment.id)).toBe("PROCESSING");

    const back = await payOnAcquirerPage(t.app, confirmationUrl, "4111 1111 1111 1111");
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`/accounts/${account.id}?payment=${payment.id}`);
    // The callback arrived before the customer was sent back: no one had to ask.
    expect(await status(payment.id)).toBe("ACCEPTED");
    expect(await balance()).toBe(before - 123_456);
    expect(await t.db.outboxMessage.count({ where: { to: c.email, kind: "RECEIPT" } })).toBe(1);
    const row = await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    const acquirerRow = await t.db.simulatedAcquirerPayment.findMany({ where: { orderId: payment.id } });
    // The card is nowhere on the portal's side (the test gateway keeps its ledger in memory).
    expect(JSON.stringify(row)).not.toMatch(/4111\s?1111/);
    expect(acquirerRow).toEqual([]);
  });

  it("a declined card takes nothing and says why", async () => {
    const { balance, status, start, call, account } = await customerWith("7700000002");
    const before = await balance();
    const { payment, confirmationUrl } = await start(50_000);
    await payOnAcquirerPage(t.app, confirmationUrl, TEST_CARDS.declined);
    expect(await status(payment.id)).toBe("DECLINED");
    expect((await call("GET", `/api/accounts/${account.id}/payments/${payment.id}`)).json()).toMatchObject({
      status: "DECLINED",
      declineReason: "Банк отклонил платёж: недостаточно средств.",
    });
    expect(await balance()).toBe(before);
  });

  it("a bank that does not answer leaves the payment «в обработке» until it does, then counts it once", async () => {
    const { account, call, balance, start } = await customerWith("7700000003");
    const before = await balance();
    const { payment, confirmationUrl } = await start(70_000);
    await payOnAcquirerPage(t.app, confirmationUrl, TEST_CARDS.timeout);
    const get = async () => (await call("GET", `/api/accounts/${account.id}/payments/${payment.id}`)).json().status;
    expect(await get()).toBe("PROCESSING");
    clock.advance(3000);
    expect(await get()).toBe("ACCEPTED");
    expect(await get()).toBe("ACCEPTED");
    expect(await balance()).toBe(before - 70_000);
  });

  it("a mistyped card and a wrong code stay on the page; three wrong codes decline; «Отменить» declines", async () => {
    const { status, start } = await customerWith("7700000004");
    const typo = await start(10_000);
    const mistyped = await payOnAcquirerPage(t.app, typo.confirmationUrl, "4111 1111 1111 1112");
    expect(mistyped.statusCode).toBe(422);
    expect(mistyped.body).toContain("Номер карты введён с ошибкой");
    const wrong = await payOnAcquirerPage(t.app, typo.confirmationUrl, TEST_CARDS.success, "00000");
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("Неверный код. Осталось попыток: 2.");
    expect(await status(typo.payment.id)).toBe("PROCESSING");
    await postAcquirerForm(t.app, `${typo.confirmationUrl}/code`, { code: "1" });
    const third = await postAcquirerForm(t.app, `${typo.confirmationUrl}/code`, { code: "2" });
    expect(third.statusCode).toBe(303);
    expect(await status(typo.payment.id)).toBe("DECLINED");
    const row = await t.db.payment.findUniqueOrThrow({ where: { id: typo.payment.id } });
    expect(row.declineReason).toBe(ACQUIRER_REASONS.secureFailed);

    const cancelled = await start(10_000);
    expect((await postAcquirerForm(t.app, `${cancelled.confirmationUrl}/cancel`, {})).statusCode).toBe(303);
    expect(await status(cancelled.payment.id)).toBe("DECLINED");
  });

  it("a page left unfinished expires: the payment is declined when asked about, and the page says so", async () => {
    const { account, call, start } = await customerWith("7700000007");
    const { payment, confirmationUrl } = await start(10_000);
    clock.advance(PAYMENT_PAGE_TTL_MS);
    const res = await call("GET", `/api/accounts/${account.id}/payments/${payment.id}`);
    expect(res.json()).toMatchObject({ status: "DECLINED", declineReason: ACQUIRER_REASONS.expired });
    const page = await t.app.inject({ method: "GET", url: confirmationUrl });
    expect(page.body).toContain("Время на оплату истекло");
    expect(page.body).not.toContain('name="number"');
  });

  it("twenty parallel retries of one press make one payment and one page, and charge once", async () => {
    const { account, call, balance } = await customerWith("7700000010");
    const before = await balance();
    const charges = gateway.charges;
    const body = { idempotencyKey: randomUUID(), amountKopecks: 10_000 };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call("POST", `/api/accounts/${account.id}/payments`, body)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.json().payment.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.json().confirmationUrl)).size).toBe(1);
    expect(await t.db.payment.count({ where: { idempotencyKey: body.idempotencyKey } })).toBe(1);
    const url = answers[0]?.json().confirmationUrl as string;
    await Promise.all([
      payOnAcquirerPage(t.app, url, TEST_CARDS.success),
      payOnAcquirerPage(t.app, url, TEST_CARDS.success),
    ]);
    expect(gateway.charges - charges).toBe(1);
    expect(await balance()).toBe(before - 10_000);
  });

  it("statuses only move forward; a refund puts the money back once", async () => {
    const { balance, start } = await customerWith("7700000011");
    const before = await balance();
    const { payment, confirmationUrl } = await start(20_000);
    await payOnAcquirerPage(t.app, confirmationUrl, TEST_CARDS.success);
    const id = payment.id;
    await settlePayment(t.db, id, { status: "DECLINED", reason: "late" });
    expect((await t.db.payment.findUniqueOrThrow({ where: { id } })).status).toBe("ACCEPTED");
    expect(await refundPayment(t.db, id)).toBe(true);
    expect(await refundPayment(t.db, id)).toBe(false);
    await settlePayment(t.db, id, { status: "SUCCEEDED" });
    expect((await t.db.payment.findUniqueOrThrow({ where: { id } })).status).toBe("REFUNDED");
    expect(await balance()).toBe(before);
  });

  it("an accepted payment and its receipt are written together: a receipt that cannot be written leaves the payment «в обработке»", async () => {
    const { c, balance, status, start } = await customerWith("7700000026");
    const before = await balance();
    const { payment } = await start(31_400);
    // The outbox refuses the receipt, as a crash or a lost connection between the two writes would.
    await t.db.$executeRawUnsafe(`CREATE FUNCTION refuse_receipt() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.kind = 'RECEIPT' THEN RAISE EXCEPTION 'receipt refused'; END IF; RETURN NEW; END $$`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_receipt BEFORE INSERT ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION refuse_receipt()`,
    );
    try {
      await expect(settlePayment(t.db, payment.id, { status: "SUCCEEDED" })).rejects.toThrow(/receipt refused/);
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER refuse_receipt ON "OutboxMessage"`);
      await t.db.$executeRawUnsafe("DROP FUNCTION refuse_receipt()");
    }
    expect(await status(payment.id)).toBe("PROCESSING");
    expect(await balance()).toBe(before);
    // The acquirer reports it again (its callback is retried, the reconcile job asks): both, once.
    await settlePayment(t.db, payment.id, { status: "SUCCEEDED" });
    await settlePayment(t.db, payment.id, { status: "SUCCEEDED" });
    expect(await status(payment.id)).toBe("ACCEPTED");
    expect(await balance()).toBe(before - 31_400);
    expect(await t.db.outboxMessage.count({ where: { to: c.email, kind: "RECEIPT" } })).toBe(1);
  });

  it("the portal's API takes no card: a body with one is refused and nothing is written", async () => {
    const { account, call } = await customerWith("7700000012");
    const res = await call("POST", `/api/accounts/${account.id}/payments`, {
      idempotencyKey: randomUUID(),
      amountKopecks: 50,
      card: { number: TEST_CARDS.success, expiry: "12/30", cvc: "123" },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(fields).toContain("amountKopecks");
    expect(res.json().error.message).not.toContain(TEST_CARDS.success);
    expect(await t.db.payment.count({ where: { accountId: account.id, channel: "PORTAL" } })).toBe(0);
  });
});

describe("«Оплатить» через СБП", () => {
  async function startSbp(number: string, amountKopecks: number) {
    const customer = await customerWith(number);
    const res = await customer.call("POST", `/api/accounts/${customer.account.id}/payments`, {
      idempotencyKey: randomUUID(),
      amountKopecks,
      method: "SBP",
    });
    expect(res.statusCode).toBe(201);
    return { ...customer, started: PaymentStarted.parse(res.json()) };
  }
  const bankApp = (link: string, action: "pay" | "decline") => postAcquirerForm(t.app, `${link}/${action}`, {});

  it("gives a payment link valid 15 minutes; «Оплатить» in the bank app credits it and the customer gets one receipt", async () => {
    const { c, account, balance, status, started } = await startSbp("7700000020", 45_600);
    const before = await balance();
    expect(started.payment.status).toBe("PROCESSING");
    expect(started.confirmationUrl).toMatch(/^\/acquirer\/sbp\/sim-/);
    expect(started.sbpExpiresAt).toBe(new Date(clock.now().getTime() + SBP_LINK_TTL_MS).toISOString());
    const app = await t.app.inject({ method: "GET", url: started.confirmationUrl });
    expect(app.body).toContain("Оплата по СБП");
    expect(app.body).not.toContain('name="number"');

    expect((await bankApp(started.confirmationUrl, "pay")).statusCode).toBe(303);
    expect(await status(started.payment.id)).toBe("ACCEPTED");
    expect(await balance()).toBe(before - 45_600);
    // Pressed again (a double tap in the bank app): nothing more.
    await bankApp(started.confirmationUrl, "pay");
    const receipts = await t.db.outboxMessage.findMany({ where: { to: c.email, kind: "RECEIPT" } });
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.subject.replace(/\s/g, " ")).toBe(
      `Чек об оплате 456,00 ₽ по лицевому счёту № ${account.number}`,
    );
    expect(receipts[0]?.text).toContain(`Номер платежа: ${started.payment.id}`);
  });

  it("«Отклонить» in the bank app declines it; a link not paid in 15 minutes expires; no receipt for either", async () => {
    const declined = await startSbp("7700000021", 10_000);
    await bankApp(declined.started.confirmationUrl, "decline");
    expect(
      (
        await declined.call("GET", `/api/accounts/${declined.account.id}/payments/${declined.started.payment.id}`)
      ).json(),
    ).toMatchObject({
      status: "DECLINED",
      declineReason: ACQUIRER_REASONS.sbpDeclined,
    });
    const late = await startSbp("7700000022", 10_000);
    clock.advance(SBP_LINK_TTL_MS);
    expect(
      (await late.call("GET", `/api/accounts/${late.account.id}/payments/${late.started.payment.id}`)).json(),
    ).toMatchObject({
      status: "DECLINED",
      declineReason: ACQUIRER_REASONS.sbpExpired,
    });
    expect(
      await t.db.outboxMessage.count({ where: { to: { in: [declined.c.email, late.c.email] }, kind: "RECEIPT" } }),
    ).toBe(0);
  });

  it("a retry after the acquirer made the order but failed to answer keeps its reference: the payment is credited", async () => {
    const { account, call, balance, status } = await customerWith("7700000001");
    const before = await balance();
    const request = { idempotencyKey: randomUUID(), amountKopecks: 20_000 };
    const url = `/api/accounts/${account.id}/payments`;
    const real = gateway.createPayment;
    gateway.createPayment = function (order) {
      real.call(this, order);
      throw new Error("the acquirer's answer timed out");
    };
    try {
      expect((await call("POST", url, request)).statusCode).toBeGreaterThanOrEqual(500);
    } finally {
      gateway.createPayment = real;
    }
    const retry = await call("POST", url, request);
    expect(retry.statusCode).toBe(201);
    const { payment, confirmationUrl } = PaymentStarted.parse(retry.json());
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).gatewayRef).not.toBeNull();
    await payOnAcquirerPage(t.app, confirmationUrl, "4111 1111 1111 1111");
    expect(await status(payment.id)).toBe("ACCEPTED");
    expect(await balance()).toBe(before - 20_000);
  });

  it("the same key with another way to pay is another request: 422", async () => {
    const { account, call } = await customerWith("7700000025");
    const key = randomUUID();
    const url = `/api/accounts/${account.id}/payments`;
    expect((await call("POST", url, { idempotencyKey: key, amountKopecks: 10_000 })).statusCode).toBe(201);
    const sbp = await call("POST", url, { idempotencyKey: key, amountKopecks: 10_000, method: "SBP" });
    expect(sbp.statusCode).toBe(422);
    expect(sbp.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });
});

describe("the acquirer's callback", () => {
  const callback = (fields: Omit<import("@lk/contract").AcquirerCallback, "signature">, secret = SECRET) =>
    t.app.inject({
      method: "POST",
      url: "/api/payments/acquirer-callback",
      payload: { ...fields, signature: signCallback(secret, fields) },
    });

  it("refuses a forged or altered report and changes nothing; a signed one settles once", async () => {
    const { balance, status, start } = await customerWith("7700000017");
    const before = await balance();
    const { payment } = await start(30_000);
    const ref = (await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).gatewayRef as string;
    const fields = {
      gatewayRef: ref,
      orderId: payment.id,
      kind: "PAYMENT" as const,
      status: "SUCCEEDED" as const,
      reason: null,
    };

    const forged = await callback(fields, "someone-else's-secret-of-32-characters-or-more");
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe("SIGNATURE_INVALID");
    const signed = signCallback(SECRET, { ...fields, status: "DECLINED" });
    const altered = await t.app.inject({
      method: "POST",
      url: "/api/payments/acquirer-callback",
      payload: { ...fields, signature: signed },
    });
    expect(altered.statusCode).toBe(401);
    expect(await status(payment.id)).toBe("PROCESSING");

    const otherRef = await callback({ ...fields, gatewayRef: "sim-not-this-one" });
    expect(otherRef.statusCode).toBe(404);

    expect((await callback(fields)).json()).toEqual({ accepted: true });
    expect((await callback(fields)).json()).toEqual({ accepted: true });
    expect((await callback({ ...fields, status: "DECLINED", reason: "late" })).statusCode).toBe(200);
    expect(await status(payment.id)).toBe("ACCEPTED");
    expect(await balance()).toBe(before - 30_000);
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
  it("takes two statements of the portal's own and the rate limit's count (the acquirer here keeps its ledger in memory), a retry one and the count", async () => {
    const { account, call } = await customerWith("7700000001");
    const body = { idempotencyKey: randomUUID(), amountKopecks: 10_000 };
    const url = `/api/accounts/${account.id}/payments`;
    let first: { statusCode: number; json(): PaymentStarted } | undefined;
    expect(await statementsDuring(t, async () => (first = await call("POST", url, body)))).toBe(3);
    expect(first?.statusCode).toBe(201);
    expect(first?.json().payment.status).toBe("PROCESSING");
    let again: { json(): PaymentStarted } | undefined;
    expect(await statementsDuring(t, async () => (again = await call("POST", url, body)))).toBe(2);
    expect(again?.json()).toEqual(first?.json());
  });

  it("checks the session in the payment's own statement: after sign-out it is 401 and nothing is written", async () => {
    const { c, account, call, balance } = await customerWith("7700000001");
    const before = await balance();
    await endSession(t, c);
    const res = await call("POST", `/api/accounts/${account.id}/payments`, {
      idempotencyKey: randomUUID(),
      amountKopecks: 10_000,
    });
    expect(res.statusCode).toBe(401);
    expect(await t.db.payment.count({ where: { createdById: c.id } })).toBe(0);
    expect(await balance()).toBe(before);
  });
});
