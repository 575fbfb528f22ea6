import type { Database } from "@lk/db";
import {
  autoPaymentActivation,
  autopayDecision,
  formatKopecks,
  monthlyConsumption,
  monthOf,
  monthStart,
  monthTitle,
  ratesOn,
  type Zone,
} from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { enqueue, type OutgoingMessage } from "../outbox/outbox.ts";
import type { PaymentGateway } from "./gateway.ts";
import { settlePayment } from "./settle.ts";

export interface BillingJobDeps {
  db: Database;
  clock: Clock;
  gateway: PaymentGateway;
}

export interface BillingReport {
  period: string;
  issued: number;
  charged: number;
  notCharged: number;
  /** Autopayment charges a previous run wrote but did not finish (it stopped), finished now. */
  resumed: number;
}

function billMessage(
  account: { number: string; billEmail: string | null; supplier: { name: string } },
  bill: { id: string; totalKopecks: number; dueDate: Date },
  period: string,
): OutgoingMessage {
  const total =
    bill.totalKopecks >= 0
      ? `Итого по счёту: ${formatKopecks(bill.totalKopecks)}, оплатить до ${bill.dueDate.toISOString().slice(0, 10).split("-").reverse().join(".")}.`
      : `Итого переплата: ${formatKopecks(-bill.totalKopecks)}.`;
  return {
    channel: "EMAIL",
    kind: "BILL",
    to: account.billEmail as string,
    subject: `Счёт за ${monthTitle(period)} по лицевому счёту ${account.number}`,
    text: [
      `${account.supplier.name}: счёт за ${monthTitle(period)} по лицевому счёту ${account.number}.`,
      total,
      "",
      "Счёт и оплата — в личном кабинете. Бумажная квитанция по этому счёту не доставляется.",
    ].join("\n"),
    dedupeKey: `bill:${bill.id}`,
  };
}

/**
 * The month's bills (by default the month before the clock's): kWh per zone from the readings that
 * close the month (the previous bill's kWh when there is none — an estimate), × the tariff in force,
 * added to the balance. With the bill, in its transaction, autopayment: applications come into
 * force, and an active one writes its charge of the new bill (up to its maximum; a bill above it is
 * not charged and the service says so). The gateway is asked after the commit, with the payment's
 * id as the order id; a run that stops in between leaves the charge written, and the next run
 * finishes it first (the acquirer charges an order once). Run it under `withJobLock`.
 */
export async function issueBills(deps: BillingJobDeps, options: { period?: string } = {}): Promise<BillingReport> {
  const { db, clock } = deps;
  const now = clock.now();
  const period = options.period ?? monthOf(monthStart(monthOf(now), undefined, -1));
  const periodDate = new Date(`${period}-01T00:00:00Z`);
  const report: BillingReport = { period, issued: 0, charged: 0, notCharged: 0, resumed: 0 };
  report.resumed = await finishAutopayCharges(deps);
  const accounts = await db.personalAccount.findMany({
    where: { bills: { none: { period: periodDate } } },
    select: {
      id: true,
      number: true,
      supplierId: true,
      tariffPlan: true,
      billDelivery: true,
      billEmail: true,
      supplier: { select: { timeZone: true, name: true } },
    },
  });
  for (const account of accounts) {
    const meters = await db.meter.findMany({ where: { accountId: account.id } });
    const readings = await db.reading.findMany({
      where: {
        meterId: { in: meters.map((m) => m.id) },
        status: "ACTIVE",
        takenAt: { lt: monthStart(period, account.supplier.timeZone, 1) },
      },
    });
    const year = Number(period.slice(0, 4));
    const month = monthlyConsumption(
      meters.map((m) => ({ id: m.id, zones: m.zones as Zone[], digitCapacity: m.digitCapacity })),
      readings.map((r) => ({
        meterId: r.meterId,
        takenAt: r.takenAt,
        values: {
          T1: Math.round(Number(r.t1) * 1000),
          T2: r.t2 === null ? undefined : Math.round(Number(r.t2) * 1000),
          T3: r.t3 === null ? undefined : Math.round(Number(r.t3) * 1000),
        },
      })),
      year,
      now,
      account.supplier.timeZone,
    )[Number(period.slice(5)) - 1];
    const lastBill = await db.bill.findFirst({
      where: { accountId: account.id },
      orderBy: { period: "desc" },
      include: { lines: true },
    });
    const zones = [...new Set(meters.flatMap((m) => m.zones))] as Zone[];
    // The rates in force on the period's first day (the supplier's calendar), by @lk/domain's rule.
    const dated = await db.tariff.findMany({
      where: { supplierId: account.supplierId, plan: account.tariffPlan },
    });
    const date = (d: Date | null) => (d === null ? null : d.toISOString().slice(0, 10));
    const tariffs = ratesOn(
      dated.map((t) => ({
        ...t,
        zone: t.zone as Zone,
        validFrom: date(t.validFrom) as string,
        validTo: date(t.validTo),
      })),
      account.tariffPlan,
      `${period}-01`,
    );
    const lines = zones.map((zone) => {
      const kwhMilli =
        month?.status === "ACTUAL"
          ? (month.zones[zone] ?? 0)
          : Math.round(Number(lastBill?.lines.find((l) => l.zone === zone)?.kwh ?? 0) * 1000);
      const rateKopecks = tariffs.find((t) => t.zone === zone)?.rateKopecks ?? 0;
      return {
        zone,
        kwh: (kwhMilli / 1000).toFixed(3),
        rateKopecks,
        amountKopecks: Math.round((kwhMilli * rateKopecks) / 1000),
      };
    });
    const charges = lines.reduce((s, l) => s + l.amountKopecks, 0);
    const intent = await db.$transaction(async (tx) => {
      const current = await tx.personalAccount.update({
        where: { id: account.id },
        data: { balanceKopecks: { increment: charges } },
        select: { balanceKopecks: true },
      });
      const created = await tx.bill.create({
        data: {
          accountId: account.id,
          period: periodDate,
          issuedAt: now,
          dueDate: new Date(`${monthOf(monthStart(period, undefined, 1))}-10T00:00:00Z`),
          openingKopecks: current.balanceKopecks - charges,
          chargesKopecks: charges,
          totalKopecks: current.balanceKopecks,
          lines: { create: lines },
        },
      });
      // «Получение счёта по e-mail»: the bill goes out with the same commit that issued it.
      if (account.billDelivery === "EMAIL" && account.billEmail) {
        await enqueue(tx, billMessage(account, created, period));
      }
      // An application comes into force with the first bill issued after it: this one, if made before it.
      const applied = await tx.autoPayment.findMany({
        where: { accountId: account.id, status: "APPLIED" },
        select: { id: true, appliedAt: true },
      });
      const starting = applied.filter((a) => autoPaymentActivation(a.appliedAt, [created.issuedAt]) !== null);
      if (starting.length) {
        await tx.autoPayment.updateMany({
          where: { id: { in: starting.map((a) => a.id) } },
          data: { status: "ACTIVE", activatedAt: created.issuedAt },
        });
      }
      const autopay = await tx.autoPayment.findFirst({ where: { accountId: account.id, status: "ACTIVE" } });
      if (!autopay) return null;
      const decision = autopayDecision(created.totalKopecks, autopay.maxAmountKopecks, monthTitle(period));
      if ("skip" in decision) {
        await tx.autoPayment.update({ where: { id: autopay.id }, data: { lastNotice: decision.skip } });
        return "skipped" as const;
      }
      return tx.payment.create({
        data: {
          accountId: account.id,
          paidAt: now,
          amountKopecks: decision.charge,
          status: "PROCESSING",
          channel: "AUTOPAY",
          autoPaymentId: autopay.id,
          autopayBillId: created.id,
        },
      });
    });
    report.issued += 1;
    if (intent === "skipped") report.notCharged += 1;
    else if (intent) {
      await chargeAutopay(deps, intent);
      report.charged += 1;
    }
  }
  return report;
}

type AutopayCharge = { id: string; amountKopecks: number; autoPaymentId: string | null; autopayBillId: string | null };

/** Asks the gateway for an autopayment charge written with its bill, and applies the answer. */
async function chargeAutopay({ db, gateway }: BillingJobDeps, payment: AutopayCharge): Promise<void> {
  if (!payment.autoPaymentId) return;
  const autopay = await db.autoPayment.findUniqueOrThrow({ where: { id: payment.autoPaymentId } });
  const bill = payment.autopayBillId ? await db.bill.findUnique({ where: { id: payment.autopayBillId } }) : null;
  const result = await gateway.chargeToken({
    // Only an application with a bound card comes into force, so an active one has its token.
    token: autopay.cardToken ?? "",
    amountKopecks: payment.amountKopecks,
    orderId: payment.id,
  });
  await db.payment.update({ where: { id: payment.id }, data: { gatewayRef: result.gatewayRef } });
  await settlePayment(db, payment.id, result);
  const month = bill ? monthTitle(monthOf(bill.period, "UTC")) : "";
  await db.autoPayment.update({
    where: { id: autopay.id },
    data: {
      lastNotice:
        result.status === "DECLINED"
          ? `Списание по счёту за ${month} отклонено банком: ${result.reason} Оплатите счёт самостоятельно.`
          : null,
    },
  });
}

/**
 * Autopayment charges written with their bills whose gateway answer was never recorded (the run
 * stopped between the two): asked again with the same order id, so the money is taken once.
 */
export async function finishAutopayCharges(deps: BillingJobDeps): Promise<number> {
  const waiting = await deps.db.payment.findMany({
    where: { channel: "AUTOPAY", status: "PROCESSING", gatewayRef: null, autoPaymentId: { not: null } },
    select: { id: true, amountKopecks: true, autoPaymentId: true, autopayBillId: true },
  });
  for (const payment of waiting) await chargeAutopay(deps, payment);
  return waiting.length;
}
