import {
  AccountDetails,
  AuthSession,
  AutoPaymentCardPage,
  AutoPaymentState,
  BillDetails,
  BillSummary,
  buildPath,
  ErrorBody,
  Payment,
  PaymentStarted,
  routes,
} from "@lk/contract";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import {
  ACQUIRER_REASONS,
  AUTOPAY_TERMS,
  monthOf,
  monthStart,
  PAYMENT_PAGE_TTL_MS,
  SECURE_CODE,
  TEST_CARDS,
} from "@lk/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { acquirerPage } from "../mock-acquirer.ts";
import { mockClock } from "../mock-clock.ts";
import { mockDb } from "../mock-db.ts";
import { mockWorld } from "../mock-world.ts";
import { setUpMockApiServer } from "./mock-api-server.ts";

setUpMockApiServer();

// The generated world has bills and payments up to this month; the tests pay in this month, Moscow time.
const thisMonth = monthOf(new Date());
const nextMonth = monthOf(monthStart(thisMonth, undefined, 1));
const MSK = (day: number, time = "12:00", month = thisMonth) =>
  new Date(`${month}-${String(day).padStart(2, "0")}T${time}:00+03:00`);
const setNow = (instant: Date) => {
  mockClock.now = () => instant;
};

const url = (path: string) => new URL(path, window.location.origin);
async function signIn(login: string = DEMO_CUSTOMER.email, password: string = DEMO_CUSTOMER.password) {
  const res = await fetch(url(routes.auth.signIn.path), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  return AuthSession.parse(await res.json()).accessToken;
}

/** The demo customer, signed in, with the requests of «Оплаты», «Счета» and «Автоплатеж» for their primary account. */
async function customer(token?: string) {
  const bundle = mockWorld().bundles[0];
  if (!bundle) throw new Error("no primary account in the mock world");
  const accessToken = token ?? (await signIn());
  const accountId = bundle.account.id;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(url(path), {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const p = (route: { path: string }, extra: Record<string, string> = {}) =>
    buildPath(route.path, { accountId, ...extra });
  const card = (number: string) => ({ number, expiry: "12/30", cvc: "123" });
  const start = (amountKopecks: number, idempotencyKey = crypto.randomUUID()) =>
    call("POST", p(routes.payments.pay), { idempotencyKey, amountKopecks });
  const payment = async (id: string) =>
    Payment.parse(await (await call("GET", p(routes.payments.get, { paymentId: id }))).json());
  return {
    bundle,
    accountId,
    call,
    p,
    start,
    /** «Оплатить», then the card and the 3-D Secure code on the acquirer's page; the payment after. */
    pay: async (amountKopecks: number, number: string = TEST_CARDS.success, idempotencyKey = crypto.randomUUID()) => {
      const started = PaymentStarted.parse(await (await start(amountKopecks, idempotencyKey)).json());
      const ref = started.confirmationUrl.replace("/acquirer/pay/", "");
      acquirerPage.enterCard(ref, { number });
      acquirerPage.confirmCode(ref, SECURE_CODE);
      return { ...started, payment: await payment(started.payment.id) };
    },
    payment,
    payments: async (from: string, to: string) =>
      z
        .object({ payments: z.array(Payment) })
        .parse(await (await call("GET", `${p(routes.payments.list)}?from=${from}&to=${to}`)).json()).payments,
    balance: async () => AccountDetails.parse(await (await call("GET", p(routes.accounts.get))).json()).balanceKopecks,
    autopay: async () => AutoPaymentState.parse(await (await call("GET", p(routes.payments.autoPayment))).json()),
    apply: (termsVersion: string = AUTOPAY_TERMS.version) =>
      call("POST", p(routes.payments.applyAutoPayment), {
        termsVersion,
        termsAccepted: true,
        maxAmountKopecks: 500_000,
        receiptEmail: "Demo@LK.test",
      }),
    /** «Подключить», and the card bound on the acquirer's page. */
    connect: async (number: string = TEST_CARDS.success) => {
      const res = await call("POST", p(routes.payments.applyAutoPayment), {
        termsVersion: AUTOPAY_TERMS.version,
        termsAccepted: true,
        maxAmountKopecks: 500_000,
        receiptEmail: "Demo@LK.test",
      });
      const ref = AutoPaymentCardPage.parse(await res.json()).confirmationUrl.replace("/acquirer/pay/", "");
      acquirerPage.enterCard(ref, card(number));
      acquirerPage.confirmCode(ref, SECURE_CODE);
      return res;
    },
    rebind: () => call("POST", p(routes.payments.bindAutoPaymentCard)),
    annul: () => call("POST", p(routes.payments.annulAutoPayment)),
    disable: () => call("POST", p(routes.payments.disableAutoPayment), { reason: "PAY_MYSELF" }),
  };
}

const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error;
const year = (today: string) => [`${monthOf(monthStart(today.slice(0, 7), undefined, -12))}-01`, today] as const;

describe("mock API: «Оплатить»", () => {
  it("makes a payment «В обработке» and the acquirer's page; the success card there makes it «Зачислен»", async () => {
    setNow(MSK(20));
    const c = await customer();
    const before = await c.balance();
    const res = await c.start(123_456);
    expect(res.status).toBe(201);
    const started = PaymentStarted.parse(await res.json());
    expect(started.payment).toMatchObject({ status: "PROCESSING", channel: "PORTAL", amountKopecks: 123_456 });
    expect(started.confirmationUrl).toMatch(/^\/acquirer\/pay\/sim-/);
    expect(await c.balance()).toBe(before);

    const ref = started.confirmationUrl.replace("/acquirer/pay/", "");
    expect(acquirerPage.enterCard(ref, { number: TEST_CARDS.success })?.entry.status).toBe("AWAITING_3DS");
    expect(acquirerPage.confirmCode(ref, SECURE_CODE)?.entry.returnUrl).toBe(
      `/accounts/${c.accountId}?payment=${started.payment.id}`,
    );
    const payment = await c.payment(started.payment.id);
    expect(payment).toMatchObject({ status: "ACCEPTED", declineReason: null });
    expect(await c.balance()).toBe(before - 123_456);
    const listed = await c.payments(...year(`${thisMonth}-20`));
    expect(listed.find((p) => p.id === payment.id)).toEqual(payment);
    expect(JSON.stringify(mockDb.state)).not.toContain(TEST_CARDS.success);
  });

  it("one key is one payment and one page: a retry returns both, and the money is taken once", async () => {
    setNow(MSK(20));
    const c = await customer();
    const before = await c.balance();
    const key = crypto.randomUUID();
    const first = await c.pay(50_000, TEST_CARDS.success, key);
    const again = PaymentStarted.parse(await (await c.start(50_000, key)).json());
    expect(again.confirmationUrl).toBe(first.confirmationUrl);
    expect(again.payment.id).toBe(first.payment.id);
    expect(mockDb.state.payments).toHaveLength(1);
    expect(mockDb.state.acquirer).toHaveLength(1);
    expect(await c.balance()).toBe(before - 50_000);
  });

  it("refuses the key again with another amount: IDEMPOTENCY_KEY_REUSED, and takes nothing", async () => {
    setNow(MSK(20));
    const c = await customer();
    const key = crypto.randomUUID();
    expect((await c.start(50_000, key)).status).toBe(201);
    const res = await c.start(60_000, key);
    expect(res.status).toBe(422);
    expect(await errorOf(res)).toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
      message:
        "Этот запрос уже был отправлен с другими данными. Проверьте историю, прежде чем повторять, и начните заново.",
    });
    expect(mockDb.state.payments).toHaveLength(1);
  });

  it("declines the declined card with the bank's reason; a mistyped number stays on the page; the balance stays", async () => {
    setNow(MSK(20));
    const c = await customer();
    const before = await c.balance();
    const { payment } = await c.pay(50_000, TEST_CARDS.declined);
    expect(payment).toMatchObject({ status: "DECLINED", declineReason: "Банк отклонил платёж: недостаточно средств." });
    const started = PaymentStarted.parse(await (await c.start(50_000)).json());
    const ref = started.confirmationUrl.replace("/acquirer/pay/", "");
    expect(acquirerPage.enterCard(ref, { number: "4111111111111112" })).toMatchObject({
      entry: { status: "CREATED" },
      error: "Номер карты введён с ошибкой: проверьте цифры.",
    });
    expect(await c.balance()).toBe(before);
  });

  it("leaves a payment the bank did not answer «В обработке», accepted once 3 s have passed", async () => {
    setNow(MSK(20, "12:00"));
    const c = await customer();
    const before = await c.balance();
    const { payment } = await c.pay(70_000, TEST_CARDS.timeout);
    expect(payment.status).toBe("PROCESSING");
    expect(await c.balance()).toBe(before);

    setNow(new Date(MSK(20, "12:00").getTime() + 2_999));
    expect((await c.payment(payment.id)).status).toBe("PROCESSING");
    setNow(new Date(MSK(20, "12:00").getTime() + 3_000));
    expect(await c.payment(payment.id)).toMatchObject({ status: "ACCEPTED", paidAt: payment.paidAt });
    expect(await c.payment(payment.id)).toMatchObject({ status: "ACCEPTED" });
    expect(await c.balance()).toBe(before - 70_000);
  });

  it("a page left for 20 minutes expires: the payment is «Отклонён» when asked about", async () => {
    setNow(MSK(20, "12:00"));
    const c = await customer();
    const started = PaymentStarted.parse(await (await c.start(10_000)).json());
    setNow(new Date(MSK(20, "12:00").getTime() + PAYMENT_PAGE_TTL_MS));
    expect(await c.payment(started.payment.id)).toMatchObject({
      status: "DECLINED",
      declineReason: ACQUIRER_REASONS.expired,
    });
  });

  it("refuses an amount below 1,00 ₽ and any card sent to the portal, naming the fields", async () => {
    const c = await customer();
    const res = await c.call("POST", c.p(routes.payments.pay), {
      idempotencyKey: crypto.randomUUID(),
      amountKopecks: 50,
      card: { number: TEST_CARDS.success, expiry: "12/30", cvc: "123" },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(["amountKopecks"]));
    expect(mockDb.state.payments).toEqual([]);
  });
});

describe("mock API: «Оплаты» and «Счета» for a period", () => {
  it("counts Moscow days, both ends inclusive: 23:59 on the last day is in, 00:00 the next day is out", async () => {
    const c = await customer();
    setNow(MSK(20, "23:59"));
    const late = (await c.pay(10_000)).payment;
    setNow(MSK(21, "00:00"));
    const next = (await c.pay(20_000)).payment;

    // Only these two: the generated world may have paid on the same days.
    const ids = (list: Payment[]) => list.map((p) => p.id).filter((id) => id === late.id || id === next.id);
    expect(ids(await c.payments(`${thisMonth}-20`, `${thisMonth}-20`))).toEqual([late.id]);
    expect(ids(await c.payments(`${thisMonth}-21`, `${thisMonth}-21`))).toEqual([next.id]);
    expect(ids(await c.payments(`${thisMonth}-20`, `${thisMonth}-21`))).toEqual([next.id, late.id]);
  });

  it("lists the bills whose month lies between the months of «С» and «По», newest first", async () => {
    const c = await customer();
    const [last, previous] = [...c.bundle.bills].reverse();
    if (!last || !previous) throw new Error("the account has too few bills");
    const query = `from=${previous.period}-15&to=${last.period}-02`;
    const res = await c.call("GET", `${c.p(routes.payments.bills)}?${query}`);
    const { bills } = z.object({ bills: z.array(BillSummary) }).parse(await res.json());
    expect(bills.map((b) => b.period)).toEqual([last.period, previous.period]);
  });

  it("gives the bill with its lines by zone and what was paid towards it", async () => {
    setNow(MSK(20));
    const c = await customer();
    const bill = c.bundle.bills.at(-1);
    if (!bill) throw new Error("no bill");
    const read = async () =>
      BillDetails.parse(await (await c.call("GET", c.p(routes.payments.bill, { billId: bill.id }))).json());
    const before = await read();
    expect(before).toMatchObject({ id: bill.id, period: bill.period, account: { number: c.bundle.account.number } });
    expect(before.lines[0]?.kwh).toBe(((bill.lines[0]?.kwhMilli ?? 0) / 1000).toFixed(3));
    expect(before.lines.reduce((s, l) => s + l.amountKopecks, 0)).toBe(bill.chargesKopecks);
    await c.pay(10_000);
    expect((await read()).paidKopecks).toBe(before.paidKopecks + 10_000);
    const missing = await c.call("GET", c.p(routes.payments.bill, { billId: crypto.randomUUID() }));
    expect(missing.status).toBe(404);
  });
});

describe("mock API: «Автоплатеж»", () => {
  it("has no autopayment at first, and gives the terms in force", async () => {
    const c = await customer();
    expect(await c.autopay()).toEqual({ current: null, terms: AUTOPAY_TERMS });
  });

  it("applies (waiting for the card), binds the card on the acquirer's page, refuses a second application, then annuls; annulling again is the wrong state", async () => {
    setNow(MSK(10));
    const c = await customer();
    const applied = await c.apply();
    expect(applied.status).toBe(201);
    const started = AutoPaymentCardPage.parse(await applied.json());
    expect(started.current).toMatchObject({ status: "AWAITING_CARD", cardMask: null });
    const ref = started.confirmationUrl.replace("/acquirer/pay/", "");
    acquirerPage.enterCard(ref, { number: TEST_CARDS.success });
    acquirerPage.confirmCode(ref, SECURE_CODE);
    expect((await c.autopay()).current).toMatchObject({
      status: "APPLIED",
      cardMask: "4111 11•• •••• 1111",
      maxAmountKopecks: 500_000,
      receiptEmail: "demo@lk.test",
      termsVersion: AUTOPAY_TERMS.version,
      appliedAt: MSK(10).toISOString(),
      activatedAt: null,
    });
    expect(JSON.stringify(mockDb.state)).not.toContain("4111111111111111");
    expect(await errorOf(await c.apply())).toMatchObject({ code: "AUTOPAYMENT_EXISTS" });
    expect(await errorOf(await c.rebind())).toMatchObject({ code: "AUTOPAYMENT_STATE" });
    expect(await errorOf(await c.disable())).toMatchObject({ code: "AUTOPAYMENT_STATE" });

    const annulled = await c.annul();
    expect(annulled.status).toBe(200);
    expect(AutoPaymentState.parse(await annulled.json()).current).toBeNull();
    expect(mockDb.state.autoPayments[0]).toMatchObject({ status: "WITHDRAWN", endedAt: MSK(10).toISOString() });
    const again = await c.annul();
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("AUTOPAYMENT_STATE");
  });

  it("a card the bank will not bind: the application waits and says why; «Привязать карту» again binds another", async () => {
    setNow(MSK(10));
    const c = await customer();
    await c.connect(TEST_CARDS.declined);
    expect((await c.autopay()).current).toMatchObject({
      status: "AWAITING_CARD",
      lastNotice:
        "Карта не привязана: Банк не разрешил привязать карту. Привяжите другую карту или аннулируйте заявление.",
    });
    const again = AutoPaymentCardPage.parse(await (await c.rebind()).json());
    const ref = again.confirmationUrl.replace("/acquirer/pay/", "");
    acquirerPage.enterCard(ref, { number: TEST_CARDS.success });
    acquirerPage.confirmCode(ref, SECURE_CODE);
    expect((await c.autopay()).current).toMatchObject({ status: "APPLIED", lastNotice: null });
  });

  it("refuses an application on old terms: TERMS_CHANGED", async () => {
    const c = await customer();
    const res = await c.apply("2000-01");
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("TERMS_CHANGED");
    expect(mockDb.state.autoPayments).toEqual([]);
  });

  it("comes into force with the next bill (the 1st, 09:00 Moscow), as the API's bill run does it; then «Отключить»", async () => {
    setNow(MSK(28));
    const c = await customer();
    await c.connect();
    setNow(MSK(1, "08:59", nextMonth));
    expect((await c.autopay()).current?.status).toBe("APPLIED");
    setNow(MSK(1, "09:30", nextMonth));
    const active = await c.autopay();
    expect(active.current).toMatchObject({ status: "ACTIVE", activatedAt: MSK(1, "09:00", nextMonth).toISOString() });
    expect(await errorOf(await c.annul())).toMatchObject({ code: "AUTOPAYMENT_STATE" });

    const off = await c.disable();
    expect(off.status).toBe(200);
    expect(AutoPaymentState.parse(await off.json()).current).toBeNull();
    expect(mockDb.state.autoPayments[0]).toMatchObject({ status: "OFF", stopReason: "PAY_MYSELF" });
    expect(await errorOf(await c.disable())).toMatchObject({ code: "AUTOPAYMENT_STATE" });
    expect((await c.apply()).status).toBe(201);
  });

  it("is still an application at 23:59 on the last day of the month, Moscow time", async () => {
    setNow(MSK(5));
    const c = await customer();
    await c.connect();
    setNow(new Date(MSK(1, "00:00", nextMonth).getTime() - 60_000));
    expect((await c.autopay()).current?.status).toBe("APPLIED");
  });
});

describe("mock API: another customer's account", () => {
  it("answers 404 on every payment route, as for no account at all", async () => {
    await fetch(url(routes.auth.register.path), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "other@example.ru", fullName: "Пётр Сидоров", password: "abcd1234" }),
    });
    const c = await customer(await signIn("other@example.ru", "abcd1234"));
    const bill = c.bundle.bills[0]?.id ?? "";
    const payment = c.bundle.payments[0]?.id ?? "";
    const period = "?from=2026-01-01&to=2026-12-31";
    const answers = await Promise.all([
      c.call("GET", `${c.p(routes.payments.list)}${period}`),
      c.call("GET", c.p(routes.payments.get, { paymentId: payment })),
      c.start(10_000),
      c.call("GET", `${c.p(routes.payments.bills)}${period}`),
      c.call("GET", c.p(routes.payments.bill, { billId: bill })),
      c.call("GET", c.p(routes.payments.autoPayment)),
      c.apply(),
      c.disable(),
      c.annul(),
    ]);
    expect(answers.map((r) => r.status)).toEqual(Array(9).fill(404));
    expect(mockDb.state.payments).toEqual([]);
    expect(mockDb.state.autoPayments).toEqual([]);
  });
});
