import { AutoPaymentCardPage, AutoPaymentState } from "@lk/contract";
import { AUTOPAY_TERMS, TEST_CARDS } from "@lk/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulatedAcquirer } from "../../acquirer/simulated-acquirer.ts";
import { fixedClock } from "../../lib/clock.ts";
import { payOnAcquirerPage } from "../../test/acquirer-page.ts";
import { as, createTestApp, registerCustomer, type TestApp } from "../../test/test-app.ts";
import { issueBills } from "./billing-job.ts";

const clock = fixedClock(new Date("2026-11-20T12:00:00+03:00"));
const gateway = new SimulatedAcquirer(() => clock.now());
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, gateway });
});
afterAll(() => t.close());

const application = (maxAmountKopecks: number) => ({
  termsVersion: AUTOPAY_TERMS.version,
  termsAccepted: true,
  maxAmountKopecks,
  receiptEmail: "receipts@example.ru",
});

async function customerWith(number: string) {
  const c = await registerCustomer(t.app);
  const account = await t.db.personalAccount.findFirstOrThrow({ where: { number } });
  await t.db.accountLink.create({ data: { userId: c.id, accountId: account.id, isPrimary: true } });
  const call = as(t.app, c);
  const url = `/api/accounts/${account.id}/autopayment`;
  /** «Подключить», then the card bound on the acquirer's page; where the page sent the customer. */
  const connect = async (maxAmountKopecks: number, card: string = TEST_CARDS.success) => {
    const applied = await call("POST", url, application(maxAmountKopecks));
    expect(applied.statusCode).toBe(201);
    const back = await payOnAcquirerPage(t.app, AutoPaymentCardPage.parse(applied.json()).confirmationUrl, card);
    expect(back.statusCode).toBe(303);
    return back.headers.location;
  };
  return { account, call, url, connect };
}

describe("«Автоплатеж»", () => {
  it("connect → an application waiting for its card; the card bound on the acquirer's page makes it «заявление принято»; «Аннулировать» withdraws it", async () => {
    const { account, call, url } = await customerWith("7700000020");
    const empty = AutoPaymentState.parse((await call("GET", url)).json());
    expect(empty).toEqual({ current: null, terms: { version: AUTOPAY_TERMS.version, text: AUTOPAY_TERMS.text } });
    const applied = await call("POST", url, application(500_000));
    expect(applied.statusCode).toBe(201);
    const started = AutoPaymentCardPage.parse(applied.json());
    expect(started.current).toMatchObject({ status: "AWAITING_CARD", cardMask: null, maxAmountKopecks: 500_000 });
    expect(started.confirmationUrl).toMatch(/^\/acquirer\/pay\/sim-/);
    const page = await t.app.inject({ method: "GET", url: started.confirmationUrl });
    expect(page.body).toContain("Привязать карту");
    expect((await call("POST", url, application(500_000))).json().error.code).toBe("AUTOPAYMENT_EXISTS");

    const back = await payOnAcquirerPage(t.app, started.confirmationUrl, TEST_CARDS.success);
    expect(back.headers.location).toBe(`/accounts/${account.id}?autopay=card`);
    // The signed callback bound the card before the customer was sent back.
    const row = await t.db.autoPayment.findUniqueOrThrow({ where: { id: started.current?.id ?? "" } });
    expect(row).toMatchObject({ status: "APPLIED", cardMask: "4111 11•• •••• 1111" });
    expect(row.cardToken).toMatch(/^tok-succeeded-/);
    expect(JSON.stringify(row)).not.toContain(TEST_CARDS.success);
    expect((await call("GET", url)).json().current).toMatchObject({
      status: "APPLIED",
      cardMask: "4111 11•• •••• 1111",
    });
    expect((await call("POST", `${url}/card`)).json().error.code).toBe("AUTOPAYMENT_STATE");

    expect((await call("POST", `${url}/disable`, { reason: "PAY_MYSELF" })).json().error.code).toBe(
      "AUTOPAYMENT_STATE",
    );
    const annulled = await call("POST", `${url}/annul`);
    expect(annulled.json().current).toBeNull();
    expect((await t.db.autoPayment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("WITHDRAWN");
  });

  it("a card the bank will not bind leaves the application waiting, says why, and «Привязать карту» opens a new page", async () => {
    const { call, url, connect } = await customerWith("7700000021");
    await connect(500_000, TEST_CARDS.declined);
    const waiting = (await call("GET", url)).json().current;
    expect(waiting).toMatchObject({
      status: "AWAITING_CARD",
      cardMask: null,
      lastNotice:
        "Карта не привязана: Банк не разрешил привязать карту. Привяжите другую карту или аннулируйте заявление.",
    });
    const again = await call("POST", `${url}/card`);
    expect(again.statusCode).toBe(201);
    const page = AutoPaymentCardPage.parse(again.json()).confirmationUrl;
    await payOnAcquirerPage(t.app, page, TEST_CARDS.success);
    expect((await call("GET", url)).json().current).toMatchObject({ status: "APPLIED", lastNotice: null });

    // Waiting for a card, it can be withdrawn too.
    const other = await customerWith("7700000022");
    await other.call("POST", other.url, application(500_000));
    expect((await other.call("POST", `${other.url}/annul`)).json().current).toBeNull();
  });

  it("refuses terms it did not show", async () => {
    const { call, url } = await customerWith("7700000030");
    const res = await call("POST", url, { ...application(500_000), termsVersion: "1999-01" });
    expect(res.json().error.code).toBe("TERMS_CHANGED");
    const unaccepted = await call("POST", url, { ...application(500_000), termsAccepted: false });
    expect(unaccepted.json().error.details.fields[0]).toEqual({
      path: "termsAccepted",
      message: "Подтвердите согласие с условиями услуги.",
    });
  });

  it("the bill run activates the application and pays the new bill up to the maximum; «Отключить» stops it", async () => {
    const { account, call, url, connect } = await customerWith("7700000025");
    await connect(10_000_000);
    const before = (await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).balanceKopecks;
    clock.set(new Date("2026-12-01T09:00:00+03:00"));
    const report = await issueBills({ db: t.db, clock, gateway });
    expect(report.period).toBe("2026-11");
    const bill = await t.db.bill.findFirstOrThrow({
      where: { accountId: account.id, period: new Date("2026-11-01T00:00:00Z") },
    });
    expect(bill.totalKopecks).toBe(before + bill.chargesKopecks);
    const state = (await call("GET", url)).json();
    // In force with the first bill issued after it, as the mock has it (@lk/domain autoPaymentActivation).
    expect(state.current).toMatchObject({
      status: "ACTIVE",
      lastNotice: null,
      activatedAt: bill.issuedAt.toISOString(),
    });
    const paid = await t.db.payment.findFirstOrThrow({ where: { accountId: account.id, channel: "AUTOPAY" } });
    expect(paid).toMatchObject({ status: "ACCEPTED", amountKopecks: bill.totalKopecks });
    expect((await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).balanceKopecks).toBe(0);
    // Listed in «Оплаты» with its channel.
    const listed = (await call("GET", `/api/accounts/${account.id}/payments?from=2026-12-01&to=2026-12-01`)).json();
    expect(listed.payments).toEqual([expect.objectContaining({ channel: "AUTOPAY", status: "ACCEPTED" })]);

    const off = await call("POST", `${url}/disable`, { reason: "PAY_MYSELF" });
    expect(off.json().current).toBeNull();
    expect((await t.db.autoPayment.findFirstOrThrow({ where: { accountId: account.id } })).endReason).toBe(
      "Буду оплачивать сам(а)",
    );
    // A second run for the same month issues nothing twice.
    expect((await issueBills({ db: t.db, clock, gateway })).issued).toBe(0);
    clock.set(new Date("2026-11-20T12:00:00+03:00"));
  });

  it("a bill above the maximum is not charged and the customer is told", async () => {
    const { account, call, url, connect } = await customerWith("7700000032");
    await connect(10_000);
    // A month no earlier test has billed.
    clock.set(new Date("2027-01-01T09:00:00+03:00"));
    expect((await issueBills({ db: t.db, clock, gateway })).period).toBe("2026-12");
    clock.set(new Date("2026-11-20T12:00:00+03:00"));
    expect(await t.db.payment.count({ where: { accountId: account.id, channel: "AUTOPAY" } })).toBe(0);
    const state = (await call("GET", url)).json();
    expect(state.current.status).toBe("ACTIVE");
    expect(state.current.lastNotice.replace(/\s/g, " ")).toMatch(
      /^Счёт за декабрь 2026 на .+ ₽ больше максимальной суммы автоплатежа 100,00 ₽: деньги не списаны, оплатите счёт самостоятельно\.$/,
    );
  });
});
