import { AutoPaymentState } from "@lk/contract";
import { AUTOPAY_TERMS, TEST_CARDS } from "@lk/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulatedAcquirer } from "../../acquirer/simulated-acquirer.ts";
import { fixedClock } from "../../lib/clock.ts";
import { as, createTestApp, registerCustomer, type TestApp } from "../../test/test-app.ts";
import { issueBills } from "./billing-job.ts";

const clock = fixedClock(new Date("2026-11-20T12:00:00+03:00"));
const gateway = new SimulatedAcquirer(() => clock.now());
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, gateway });
});
afterAll(() => t.close());

const application = (maxAmountKopecks: number, number: string = TEST_CARDS.success) => ({
  termsVersion: AUTOPAY_TERMS.version,
  termsAccepted: true,
  card: { number, expiry: "12/30", cvc: "123" },
  maxAmountKopecks,
  receiptEmail: "receipts@example.ru",
});

async function customerWith(number: string) {
  const c = await registerCustomer(t.app);
  const account = await t.db.personalAccount.findFirstOrThrow({ where: { number } });
  await t.db.accountLink.create({ data: { userId: c.id, accountId: account.id, isPrimary: true } });
  return { account, call: as(t.app, c), url: `/api/accounts/${account.id}/autopayment` };
}

describe("«Автоплатеж»", () => {
  it("connect → application; «Аннулировать» withdraws it; it cannot be switched off before it is active", async () => {
    const { call, url } = await customerWith("7700000020");
    const empty = AutoPaymentState.parse((await call("GET", url)).json());
    expect(empty).toEqual({ current: null, terms: { version: AUTOPAY_TERMS.version, text: AUTOPAY_TERMS.text } });
    const applied = await call("POST", url, application(500_000));
    expect(applied.statusCode).toBe(201);
    expect(applied.json().current).toMatchObject({
      status: "APPLIED",
      cardMask: "4111 11•• •••• 1111",
      maxAmountKopecks: 500_000,
    });
    expect((await call("POST", url, application(500_000))).json().error.code).toBe("AUTOPAYMENT_EXISTS");
    expect((await call("POST", `${url}/disable`, { reason: "PAY_MYSELF" })).json().error.code).toBe(
      "AUTOPAYMENT_STATE",
    );
    const annulled = await call("POST", `${url}/annul`);
    expect(annulled.json().current).toBeNull();
    const row = await t.db.autoPayment.findFirstOrThrow({ where: { id: applied.json().current.id } });
    expect(row.status).toBe("WITHDRAWN");
    expect(row.cardToken).not.toContain("4111");
  });

  it("refuses terms it did not show", async () => {
    const { call, url } = await customerWith("7700000021");
    const res = await call("POST", url, { ...application(500_000), termsVersion: "1999-01" });
    expect(res.json().error.code).toBe("TERMS_CHANGED");
    const unaccepted = await call("POST", url, { ...application(500_000), termsAccepted: false });
    expect(unaccepted.json().error.details.fields[0]).toEqual({
      path: "termsAccepted",
      message: "Подтвердите согласие с условиями услуги.",
    });
  });

  it("the bill run activates the application and pays the new bill up to the maximum; «Отключить» stops it", async () => {
    const { account, call, url } = await customerWith("7700000025");
    await call("POST", url, application(10_000_000));
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
    const { account, call, url } = await customerWith("7700000032");
    await call("POST", url, application(10_000));
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
