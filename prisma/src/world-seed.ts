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

/**
 * One `INSERT … SELECT FROM unnest(arrays)` per table and batch: a few statements carry tens of
 * thousands of rows, so the 100 000-account world loads in minutes, not hours.
 */
async function insertRows(
  db: Database,
  table: string,
  columns: [name: string, type: string, cast?: string][],
  rows: unknown[][],
) {
  if (!rows.length) return;
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const select = columns.map(([, , cast], i) => (cast ? `c${i}::${cast}` : `c${i}`)).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const params = columns.map((_, i) => rows.map((row) => row[i] ?? null));
  await db.$executeRawUnsafe(
    `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${arrays}) AS u(${aliases})`,
    ...params,
  );
}

async function insertBatch(db: Database, bundles: AccountBundle[]): Promise<void> {
  const accounts = bundles.map(({ account: a }) => [
    a.id,
    a.supplierId,
    a.number,
    a.address,
    a.ownerName,
    a.residents,
    a.rooms,
    a.totalArea,
    a.livingArea,
    a.tariffPlan,
    a.balanceKopecks,
    a.debtSince,
  ]);
  const meters = bundles.flatMap((b) =>
    b.meters.map((m) => [
      m.id,
      m.accountId,
      m.serialNumber,
      m.model,
      `{${m.zones.join(",")}}`,
      m.digitCapacity,
      m.decimalPlaces,
      m.installedAt,
      m.verificationDue,
      m.automated,
      m.faulty,
    ]),
  );
  const readings = bundles.flatMap((b) =>
    b.readings.map((r) => [
      r.id,
      r.meterId,
      r.takenAt.toISOString(),
      r.source,
      milli(r.values.T1) ?? "0",
      milli(r.values.T2),
      milli(r.values.T3),
      r.takenAt.toISOString(),
    ]),
  );
  const bills = bundles.flatMap((b) =>
    b.bills.map((bill) => [
      bill.id,
      bill.accountId,
      `${bill.period}-01`,
      bill.issuedAt.toISOString(),
      bill.dueDate,
      bill.openingKopecks,
      bill.chargesKopecks,
      bill.totalKopecks,
    ]),
  );
  const lines = bundles.flatMap((b) =>
    b.bills.flatMap((bill) =>
      bill.lines.map((l) => [l.id, bill.id, l.zone, (l.kwhMilli / 1000).toFixed(3), l.rateKopecks, l.amountKopecks]),
    ),
  );
  const payments = bundles.flatMap((b) =>
    b.payments.map((p) => [p.id, p.accountId, p.paidAt.toISOString(), p.amountKopecks, p.status, p.channel]),
  );
  // Sequential, in one transaction: a batch lands whole or not at all.
  await db.$transaction(
    async (tx) => {
      const t = tx as unknown as Database;
      await insertRows(
        t,
        "PersonalAccount",
        [
          ["id", "uuid"],
          ["supplierId", "text"],
          ["number", "text"],
          ["address", "text"],
          ["ownerName", "text"],
          ["residents", "int"],
          ["rooms", "int"],
          ["totalArea", "numeric"],
          ["livingArea", "numeric"],
          ["tariffPlan", '"TariffPlan"'],
          ["balanceKopecks", "int"],
          ["debtSince", "date"],
        ],
        accounts,
      );
      await insertRows(
        t,
        "Meter",
        [
          ["id", "uuid"],
          ["accountId", "uuid"],
          ["serialNumber", "text"],
          ["model", "text"],
          ["zones", "text", '"MeterZone"[]'],
          ["digitCapacity", "int"],
          ["decimalPlaces", "int"],
          ["installedAt", "date"],
          ["verificationDue", "date"],
          ["automated", "boolean"],
          ["faulty", "boolean"],
        ],
        meters,
      );
      await insertRows(
        t,
        "Reading",
        [
          ["id", "uuid"],
          ["meterId", "uuid"],
          ["takenAt", "timestamptz"],
          ["source", '"ReadingSource"'],
          ["t1", "numeric"],
          ["t2", "numeric"],
          ["t3", "numeric"],
          ["createdAt", "timestamptz"],
        ],
        readings,
      );
      await insertRows(
        t,
        "Bill",
        [
          ["id", "uuid"],
          ["accountId", "uuid"],
          ["period", "date"],
          ["issuedAt", "timestamptz"],
          ["dueDate", "date"],
          ["openingKopecks", "int"],
          ["chargesKopecks", "int"],
          ["totalKopecks", "int"],
        ],
        bills,
      );
      await insertRows(
        t,
        "BillLine",
        [
          ["id", "uuid"],
          ["billId", "uuid"],
          ["zone", '"MeterZone"'],
          ["kwh", "numeric"],
          ["rateKopecks", "int"],
          ["amountKopecks", "int"],
        ],
        lines,
      );
      await insertRows(
        t,
        "Payment",
        [
          ["id", "uuid"],
          ["accountId", "uuid"],
          ["paidAt", "timestamptz"],
          ["amountKopecks", "int"],
          ["status", '"PaymentStatus"'],
          ["channel", '"PaymentChannel"'],
        ],
        payments,
      );
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
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
