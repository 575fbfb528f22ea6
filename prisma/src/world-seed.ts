import {
  type AccountBundle,
  DEFAULT_SEED,
  DEMO_CUSTOMER,
  DEMO_LINKABLE_ACCOUNTS,
  DEMO_LINKED_ACCOUNTS,
  generateAccount,
  generateWorld,
  type LinkHints,
  linkHintsOf,
  SUPPLIERS,
  tariffsOf,
} from "@lk/demo-data";
import type { Database } from "./client.ts";

export interface WorldSeedOptions {
  /** How many accounts (default 40: a few dozen for the demo; 100 000 for load tests). */
  accounts?: number;
  seed?: number;
  now?: Date;
  /** Progress for long runs. */
  onProgress?: (done: number, total: number) => void;
}

const BATCH = 250;
const milli = (value: number | undefined) => (value === undefined ? null : (value / 1000).toFixed(3));
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function insertBatch(db: Database, bundles: AccountBundle[]): Promise<void> {
  await db.$transaction([
    db.personalAccount.createMany({
      data: bundles.map(({ account: a }) => ({
        id: a.id,
        supplierId: a.supplierId,
        number: a.number,
        address: a.address,
        ownerName: a.ownerName,
        residents: a.residents,
        rooms: a.rooms,
        totalArea: a.totalArea,
        livingArea: a.livingArea,
        tariffPlan: a.tariffPlan,
        balanceKopecks: a.balanceKopecks,
        debtSince: a.debtSince ? date(a.debtSince) : null,
      })),
    }),
    db.meter.createMany({
      data: bundles.flatMap((b) =>
        b.meters.map((m) => ({
          ...m,
          installedAt: date(m.installedAt),
          verificationDue: date(m.verificationDue),
        })),
      ),
    }),
    db.reading.createMany({
      data: bundles.flatMap((b) =>
        b.readings.map((r) => ({
          id: r.id,
          meterId: r.meterId,
          takenAt: r.takenAt,
          source: r.source,
          t1: milli(r.values.T1) ?? "0",
          t2: milli(r.values.T2),
          t3: milli(r.values.T3),
          createdAt: r.takenAt,
        })),
      ),
    }),
    db.bill.createMany({
      data: bundles.flatMap((b) =>
        b.bills.map(({ lines: _, period, dueDate, ...bill }) => ({
          ...bill,
          period: date(`${period}-01`),
          dueDate: date(dueDate),
        })),
      ),
    }),
    db.billLine.createMany({
      data: bundles.flatMap((b) =>
        b.bills.flatMap((bill) =>
          bill.lines.map((l) => ({
            id: l.id,
            billId: bill.id,
            zone: l.zone,
            kwh: (l.kwhMilli / 1000).toFixed(3),
            rateKopecks: l.rateKopecks,
            amountKopecks: l.amountKopecks,
          })),
        ),
      ),
    }),
    db.payment.createMany({ data: bundles.flatMap((b) => b.payments) }),
  ]);
}

/**
 * The billing world: suppliers, tariffs and generated accounts with three years of history.
 * Skipped when the suppliers are already there (the seed is safe to run on every start).
 */
export async function seedWorld(db: Database, options: WorldSeedOptions = {}): Promise<{ created: boolean }> {
  if ((await db.supplier.count()) > 0) return { created: false };
  const now = options.now ?? new Date();
  const worldOptions = { seed: options.seed ?? DEFAULT_SEED, now };
  const total = options.accounts ?? 40;
  await db.supplier.createMany({
    data: SUPPLIERS.map(({ rateFactor: _, city: __, ...s }) => s),
  });
  await db.tariff.createMany({
    data: tariffsOf(worldOptions).map((t) => ({
      ...t,
      validFrom: date(t.validFrom),
      validTo: t.validTo ? date(t.validTo) : null,
    })),
  });
  let batch: AccountBundle[] = [];
  let done = 0;
  for (const bundle of generateWorld(total, worldOptions)) {
    batch.push(bundle);
    if (batch.length === BATCH) {
      await insertBatch(db, batch);
      done += batch.length;
      batch = [];
      options.onProgress?.(done, total);
    }
  }
  if (batch.length) await insertBatch(db, batch);
  options.onProgress?.(total, total);
  return { created: true };
}

/** Links the demo customer to its accounts (first one primary); idempotent. */
export async function linkDemoAccounts(db: Database, userId: string, options: WorldSeedOptions = {}): Promise<void> {
  const worldOptions = { seed: options.seed ?? DEFAULT_SEED, now: options.now ?? new Date() };
  for (const [i, index] of DEMO_LINKED_ACCOUNTS.entries()) {
    const number = generateAccount(index, worldOptions).account.number;
    const account = await db.personalAccount.findFirst({ where: { number } });
    if (!account) continue;
    await db.accountLink.upsert({
      where: { userId_accountId: { userId, accountId: account.id } },
      create: { userId, accountId: account.id, isPrimary: i === 0 },
      update: {},
    });
  }
}

/** What a person needs to try linking: the accounts and the right answers. */
export function demoLinkHints(options: WorldSeedOptions = {}): LinkHints[] {
  const now = options.now ?? new Date();
  const worldOptions = { seed: options.seed ?? DEFAULT_SEED, now };
  return DEMO_LINKABLE_ACCOUNTS.map((index) => linkHintsOf(generateAccount(index, worldOptions), now));
}

export { DEMO_CUSTOMER };
