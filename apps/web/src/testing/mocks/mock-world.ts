import type { AccountDetails, AccountSummary, BillSummary, MeterSummary } from "@lk/contract";
import {
  type AccountBundle,
  billIssuesAround,
  DEFAULT_SEED,
  generateWorld,
  SUPPLIERS,
  type SupplierSeed,
} from "@lk/demo-data";
import { type AccountEvidence, meterSummaryView, monthOf, monthStart, normalizeAccountNumber } from "@lk/domain";
import { mockClock } from "./mock-clock.ts";
import { balanceAdjustment, lastAcceptedPayment } from "./mock-payments.ts";
import { newestFirst, readingsOfMeter } from "./mock-readings.ts";
import { accountFacts } from "./mock-service-requests.ts";

/** Accounts in the mock's world: the demo's showcase and enough others to try linking. */
export const MOCK_WORLD_SIZE = 40;

interface World {
  /** The bill issues either side of the mock's date it was built at: outside them it is out of date. */
  issues: { last: Date; next: Date };
  bundles: AccountBundle[];
  byId: Map<string, AccountBundle>;
  byNumber: Map<string, AccountBundle>;
}

let world: World | null = null;
const numberKey = (supplierId: string, number: string) => `${supplierId}/${normalizeAccountNumber(number)}`;

/**
 * The same generated world as the database seed, built once on first use and kept in memory:
 * three years of readings and bills are too much for localStorage, and the seed rebuilds them
 * identically. Account ids and numbers depend on the seed only, so stored links stay valid.
 * Built again when the mock's date moves across a bill's issue (either way), so the bills the world
 * holds are those issued by then, as the API's bill run would have (an autopayment comes into
 * force with one of them).
 */
export function mockWorld(): World {
  const now = mockClock.now();
  if (!world || now >= world.issues.next || now < world.issues.last) {
    const bundles = [...generateWorld(MOCK_WORLD_SIZE, { seed: DEFAULT_SEED, now })];
    world = {
      issues: billIssuesAround(now),
      bundles,
      byId: new Map(bundles.map((b) => [b.account.id, b])),
      byNumber: new Map(bundles.map((b) => [numberKey(b.account.supplierId, b.account.number), b])),
    };
  }
  return world;
}

export const findAccount = (accountId: string) => mockWorld().byId.get(accountId);
export const findAccountByNumber = (supplierId: string, number: string) =>
  mockWorld().byNumber.get(numberKey(supplierId, number));
export const findSupplier = (supplierId: string): SupplierSeed | undefined =>
  SUPPLIERS.find((s) => s.id === supplierId);

function supplierOf(bundle: AccountBundle): SupplierSeed {
  const supplier = findSupplier(bundle.account.supplierId);
  if (!supplier) throw new Error(`Unknown supplier ${bundle.account.supplierId}`);
  return supplier;
}

export function toSummary(bundle: AccountBundle, isPrimary: boolean, nickname: string | null = null): AccountSummary {
  const { account } = bundle;
  return {
    id: account.id,
    number: account.number,
    supplier: { id: account.supplierId, shortName: supplierOf(bundle).shortName },
    address: account.address,
    shortAddress: account.shortAddress,
    // The generated balance less what customers paid through the mock («Оплатить»).
    balanceKopecks: account.balanceKopecks + balanceAdjustment(account.id),
    isPrimary,
    nickname,
  };
}

export function toBillSummary(bill: AccountBundle["bills"][number]): BillSummary {
  return {
    id: bill.id,
    period: bill.period,
    issuedAt: bill.issuedAt.toISOString(),
    dueDate: bill.dueDate,
    openingKopecks: bill.openingKopecks,
    chargesKopecks: bill.chargesKopecks,
    totalKopecks: bill.totalKopecks,
  };
}

function toMeter(bundle: AccountBundle, meter: AccountBundle["meters"][number]): MeterSummary {
  // The customers' own submissions count too: the page shows what was just sent.
  return meterSummaryView(meter, readingsOfMeter(bundle, meter.id).sort(newestFirst)[0] ?? null);
}

export function toDetails(
  bundle: AccountBundle,
  link: { isPrimary: boolean; nickname?: string | null | undefined },
): AccountDetails {
  const { account } = bundle;
  const supplier = supplierOf(bundle);
  const bill = bundle.bills.at(-1);
  const payment = lastAcceptedPayment(bundle);
  const summary = toSummary(bundle, link.isPrimary, link.nickname ?? null);
  return {
    ...summary,
    supplier: { id: supplier.id, name: supplier.name, shortName: supplier.shortName },
    // Owner, residents, rooms, areas and the tariff as approved requests («Изменить») left them.
    ...accountFacts(bundle),
    // A debt paid off through the mock is no debt any more.
    debtSince: summary.balanceKopecks > 0 ? account.debtSince : null,
    lastBill: bill ? toBillSummary(bill) : null,
    lastPayment: payment ? { paidAt: payment.paidAt.toISOString(), amountKopecks: payment.amountKopecks } : null,
    // By serial number, as the API lists them.
    meters: [...bundle.meters]
      .sort((a, b) => (a.serialNumber < b.serialNumber ? -1 : 1))
      .map((meter) => toMeter(bundle, meter)),
  };
}

/** What proves the account is the customer's: bills of the last 6 Moscow months, meters, last payment. */
export function evidenceOf(bundle: AccountBundle, now: Date): AccountEvidence {
  const since = monthOf(monthStart(monthOf(now), undefined, -6));
  return {
    recentBillTotals: bundle.bills.filter((b) => b.period >= since).map((b) => b.totalKopecks),
    meterSerials: bundle.meters.map((m) => m.serialNumber),
    lastPayment: lastAcceptedPayment(bundle)?.amountKopecks ?? null,
  };
}
