import type { AccountDetails, AccountSummary, BillSummary, MeterSummary } from "@lk/contract";
import type { Prisma } from "@lk/db";
import { meterSummaryView, shortAddressOf } from "@lk/domain";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const period = (d: Date) => d.toISOString().slice(0, 7);

type AccountWithSupplier = Prisma.PersonalAccountGetPayload<{ include: { supplier: true } }>;

/** What a summary shows of an account: a Prisma row with its supplier, or a statement's row. */
type SummaryFacts = Pick<AccountWithSupplier, "id" | "number" | "address" | "balanceKopecks"> & {
  supplier: Pick<AccountWithSupplier["supplier"], "id" | "shortName">;
};

/** `nickname`: the customer's own name for it, kept with their link (none for a new link). */
export function toSummary(account: SummaryFacts, isPrimary: boolean, nickname: string | null = null): AccountSummary {
  return {
    id: account.id,
    number: account.number,
    supplier: { id: account.supplier.id, shortName: account.supplier.shortName },
    address: account.address,
    shortAddress: shortAddressOf(account.address),
    balanceKopecks: account.balanceKopecks,
    isPrimary,
    nickname,
  };
}

export function toBill(bill: Prisma.BillGetPayload<object>): BillSummary {
  return {
    id: bill.id,
    period: period(bill.period),
    issuedAt: bill.issuedAt.toISOString(),
    dueDate: isoDate(bill.dueDate),
    openingKopecks: bill.openingKopecks,
    chargesKopecks: bill.chargesKopecks,
    totalKopecks: bill.totalKopecks,
  };
}

type MeterWithLastReading = Prisma.MeterGetPayload<{ include: { readings: true } }>;

const milli = (value: { toString(): string } | null) => (value === null ? null : Math.round(Number(value) * 1000));

export function toMeter(meter: MeterWithLastReading): MeterSummary {
  const last = meter.readings[0];
  return meterSummaryView(
    { ...meter, installedAt: isoDate(meter.installedAt), verificationDue: isoDate(meter.verificationDue) },
    last
      ? {
          takenAt: last.takenAt,
          source: last.source,
          values: { T1: milli(last.t1), T2: milli(last.t2), T3: milli(last.t3) },
        }
      : null,
  );
}

export function toDetails(
  account: AccountWithSupplier,
  link: { isPrimary: boolean; nickname: string | null },
  extra: Pick<AccountDetails, "lastBill" | "lastPayment" | "meters">,
): AccountDetails {
  return {
    ...toSummary(account, link.isPrimary, link.nickname),
    supplier: { id: account.supplier.id, name: account.supplier.name, shortName: account.supplier.shortName },
    ownerName: account.ownerName,
    residents: account.residents,
    rooms: account.rooms,
    totalArea: account.totalArea.toFixed(2),
    livingArea: account.livingArea.toFixed(2),
    tariffPlan: account.tariffPlan,
    debtSince: account.debtSince ? isoDate(account.debtSince) : null,
    ...extra,
  };
}
