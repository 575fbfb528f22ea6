import { routes } from "@lk/contract";
import { TEST_CARDS } from "@lk/domain";
import { type Scenario, step } from "../scenario.ts";
import { customer, linked } from "../world.ts";

const KEY_1 = "0b7e6d8a-1c2f-4e5a-9b3c-2d4f6a8c0e01";
const KEY_2 = "0b7e6d8a-1c2f-4e5a-9b3c-2d4f6a8c0e02";
const KEY_3 = "0b7e6d8a-1c2f-4e5a-9b3c-2d4f6a8c0e03";

export const paymentScenarios: Scenario[] = [
  {
    feature: "payments",
    name: "«Оплатить»: accepted, the same key again, declined; the list and the balance",
    async run(api) {
      const c = await customer(api);
      const other = await customer(api);
      const accountId = await linked(api, c, 12);
      const before = await api.call("page", routes.accounts.get, { params: { accountId } }, c.token);
      const started = await api.call(
        "pay",
        routes.payments.pay,
        { params: { accountId }, body: { idempotencyKey: KEY_1, amountKopecks: 12_345 } },
        c.token,
      );
      api.see([started.payment.status, started.payment.amountKopecks, started.payment.channel]);
      api.see(started.confirmationUrl.startsWith("/acquirer/pay/"));
      await api.payOnAcquirerPage(started.confirmationUrl, TEST_CARDS.success);
      const paid = await api.call(
        "one",
        routes.payments.get,
        { params: { accountId, paymentId: started.payment.id } },
        c.token,
      );
      api.see(paid.status);
      const again = await api.call(
        "same key",
        routes.payments.pay,
        { params: { accountId }, body: { idempotencyKey: KEY_1, amountKopecks: 12_345 } },
        c.token,
      );
      api.see([again.payment.id === paid.id, again.payment.status, again.confirmationUrl === started.confirmationUrl]);
      await api.call(
        "same key, other amount",
        routes.payments.pay,
        { params: { accountId }, body: { idempotencyKey: KEY_1, amountKopecks: 100 } },
        c.token,
      );
      const second = await api.call(
        "declined",
        routes.payments.pay,
        { params: { accountId }, body: { idempotencyKey: KEY_2, amountKopecks: 500 } },
        c.token,
      );
      await api.payOnAcquirerPage(second.confirmationUrl, TEST_CARDS.declined);
      const declined = await api.call(
        "declined, back",
        routes.payments.get,
        { params: { accountId, paymentId: second.payment.id } },
        c.token,
      );
      api.see([declined.status, declined.declineReason]);
      const after = await api.call("page after", routes.accounts.get, { params: { accountId } }, c.token);
      api.see(before.balanceKopecks - after.balanceKopecks);
      const list = await api.call(
        "list",
        routes.payments.list,
        { params: { accountId }, query: { from: "2026-11-20", to: "2026-11-20" } },
        c.token,
      );
      // Both at the same instant (the clock stands still): compared in an order of their own.
      api.see(list.payments.map((p) => [p.amountKopecks, p.status]).sort((a, b) => Number(a[0]) - Number(b[0])));
      await api.call("foreign one", routes.payments.get, { params: { accountId, paymentId: paid.id } }, other.token);
      const sbp = await api.call(
        "sbp",
        routes.payments.pay,
        { params: { accountId }, body: { idempotencyKey: KEY_3, amountKopecks: 700, method: "SBP" } },
        c.token,
      );
      api.see([
        sbp.payment.status,
        sbp.confirmationUrl.startsWith("/acquirer/sbp/"),
        sbp.sbpExpiresAt === "2026-11-20T09:15:00.000Z",
      ]);
      // A callback not signed with the acquirer's secret changes nothing, on either side.
      const forged = { gatewayRef: "sim-forged", orderId: second.payment.id, kind: "PAYMENT" as const };
      await api.call("forged callback", routes.payments.acquirerCallback, {
        body: { ...forged, status: "SUCCEEDED", reason: null, signature: "0".repeat(64) },
      });
      await api.call(
        "foreign pay",
        routes.payments.pay,
        { params: { accountId }, body: { idempotencyKey: KEY_2, amountKopecks: 500 } },
        other.token,
      );
    },
    expected: [
      step("page", 200),
      step("pay", 201, undefined, ["PROCESSING", 12_345, "PORTAL", true]),
      step("one", 200, undefined, "ACCEPTED"),
      step("same key", 201, undefined, [true, "ACCEPTED", true]),
      step("same key, other amount", 422, "IDEMPOTENCY_KEY_REUSED"),
      step("declined", 201),
      step("declined, back", 200, undefined, ["DECLINED", "Банк отклонил платёж: недостаточно средств."]),
      step("page after", 200, undefined, 12_345),
      step("list", 200, undefined, [
        [500, "DECLINED"],
        [12_345, "ACCEPTED"],
      ]),
      step("foreign one", 404, "NOT_FOUND"),
      step("sbp", 201, undefined, ["PROCESSING", true, true]),
      step("forged callback", 401, "SIGNATURE_INVALID"),
      step("foreign pay", 404, "NOT_FOUND"),
    ],
  },
  {
    feature: "payments",
    name: "bills and a bill, and «Автоплатеж» applied for, then withdrawn",
    async run(api) {
      const c = await customer(api);
      const accountId = await linked(api, c, 13);
      const bills = await api.call(
        "bills",
        routes.payments.bills,
        { params: { accountId }, query: { from: "2026-01-01", to: "2026-11-30" } },
        c.token,
      );
      api.see(bills.bills.length);
      await api.call(
        "bill",
        routes.payments.bill,
        { params: { accountId, billId: bills.bills[0]?.id ?? "" } },
        c.token,
      );
      const none = await api.call("autopayment", routes.payments.autoPayment, { params: { accountId } }, c.token);
      const application = {
        termsVersion: none.terms.version,
        termsAccepted: true,
        maxAmountKopecks: 500_000,
        receiptEmail: c.email,
      };
      await api.call(
        "old terms",
        routes.payments.applyAutoPayment,
        { params: { accountId }, body: { ...application, termsVersion: "2000-01" } },
        c.token,
      );
      const applied = await api.call(
        "apply",
        routes.payments.applyAutoPayment,
        { params: { accountId }, body: application },
        c.token,
      );
      api.see([
        applied.current?.status,
        applied.current?.cardMask,
        applied.confirmationUrl.startsWith("/acquirer/pay/"),
      ]);
      await api.payOnAcquirerPage(applied.confirmationUrl, TEST_CARDS.declined);
      const refused = await api.call("card refused", routes.payments.autoPayment, { params: { accountId } }, c.token);
      api.see([refused.current?.status, refused.current?.lastNotice]);
      const again = await api.call(
        "bind again",
        routes.payments.bindAutoPaymentCard,
        { params: { accountId } },
        c.token,
      );
      await api.payOnAcquirerPage(again.confirmationUrl, TEST_CARDS.success);
      const bound = await api.call("card bound", routes.payments.autoPayment, { params: { accountId } }, c.token);
      api.see([bound.current?.status, bound.current?.cardMask, bound.current?.lastNotice]);
      await api.call("bind once bound", routes.payments.bindAutoPaymentCard, { params: { accountId } }, c.token);
      await api.call(
        "apply again",
        routes.payments.applyAutoPayment,
        { params: { accountId }, body: application },
        c.token,
      );
      await api.call(
        "disable an application",
        routes.payments.disableAutoPayment,
        { params: { accountId }, body: { reason: "PAY_MYSELF" } },
        c.token,
      );
      const annulled = await api.call("annul", routes.payments.annulAutoPayment, { params: { accountId } }, c.token);
      api.see(annulled.current);
    },
    expected: [
      step("bills", 200, undefined, 10),
      step("bill", 200),
      step("autopayment", 200),
      step("old terms", 409, "TERMS_CHANGED"),
      step("apply", 201, undefined, ["AWAITING_CARD", null, true]),
      step("card refused", 200, undefined, [
        "AWAITING_CARD",
        "Карта не привязана: Банк не разрешил привязать карту. Привяжите другую карту или аннулируйте заявление.",
      ]),
      step("bind again", 201),
      step("card bound", 200, undefined, ["APPLIED", "4111 11•• •••• 1111", null]),
      step("bind once bound", 409, "AUTOPAYMENT_STATE"),
      step("apply again", 409, "AUTOPAYMENT_EXISTS"),
      step("disable an application", 409, "AUTOPAYMENT_STATE"),
      step("annul", 200, undefined, null),
    ],
  },
];
