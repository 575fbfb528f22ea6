import type { Database } from "@lk/db";
import {
  autopayDecision,
  dayStart,
  formatKopecks,
  monthlyConsumption,
  monthOf,
  monthStart,
  monthTitle,
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
}

/**
 * The month's bills (by default the month before the clock's): kWh per zone from the readings that
 * close the month (the previous bill's kWh when there is none — an estimate), × the tariff in force,
 * added to the balance. Then autopayment: applications come into force, and each active one pays
 * the new bill up to its maximum; a bill above it is not charged and the service says so.
 */
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

export async function issueBills(
  { db, clock, gateway }: BillingJobDeps,
  options: { period?: string } = {},
): Promise<BillingReport> {
  const now = clock.now();
  const period = options.period ?? monthOf(monthStart(monthOf(now), undefined, -1));
  const periodDate = new Date(`${period}-01T00:00:00Z`);
  const report: BillingReport = { period, issued: 0, charged: 0, notCharged: 0 };
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
    const day = dayStart(`${period}-01`, "UTC");
    const tariffs = await db.tariff.findMany({
      where: {
        supplierId: account.supplierId,
        plan: account.tariffPlan,
        validFrom: { lte: day },
        OR: [{ validTo: null }, { validTo: { gte: day } }],
      },
    });
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
    const bill = await db.$transaction(async (tx) => {
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
      return created;
    });
    report.issued += 1;

    await db.autoPayment.updateMany({
      where: { accountId: account.id, status: "APPLIED" },
      data: { status: "ACTIVE", activatedAt: now },
    });
    const autopay = await db.autoPayment.findFirst({ where: { accountId: account.id, status: "ACTIVE" } });
    if (!autopay) continue;
    const decision = autopayDecision(bill.totalKopecks, autopay.maxAmountKopecks, monthTitle(period));
    if ("skip" in decision) {
      await db.autoPayment.update({ where: { id: autopay.id }, data: { lastNotice: decision.skip } });
      report.notCharged += 1;
      continue;
    }
    const payment = await db.payment.create({
      data: {
        accountId: account.id,
        paidAt: now,
        amountKopecks: decision.charge,
        status: "PROCESSING",
        channel: "AUTOPAY",
      },
    });
    const result = await gateway.chargeToken({
      token: autopay.cardToken,
      amountKopecks: decision.charge,
      orderId: payment.id,
    });
    await db.payment.update({ where: { id: payment.id }, data: { gatewayRef: result.gatewayRef } });
    await settlePayment(db, payment.id, result);
    await db.autoPayment.update({
      where: { id: autopay.id },
      data: {
        lastNotice:
          result.status === "DECLINED"
            ? `Списание по счёту за ${monthTitle(period)} отклонено банком: ${result.reason} Оплатите счёт самостоятельно.`
            : null,
      },
    });
    report.charged += 1;
  }
  return report;
}
