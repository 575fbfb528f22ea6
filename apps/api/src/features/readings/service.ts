import type { MeterReadingState, ReadingHistoryItem, ReadingsState, SubmitReadingResult } from "@lk/contract";
import type { Database, DatabaseOrTx, Prisma } from "@lk/db";
import {
  checkReading,
  dayStart,
  formatMilli,
  meterRefusal,
  monthOf,
  readingFingerprint,
  readingWindow,
  sameRequest,
  type WindowRule,
  type Zone,
} from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { digest } from "../../lib/digest.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { requireLinkedAccount } from "../accounts/access.ts";

export interface ReadingsDeps {
  db: Database;
  clock: Clock;
}

type ReadingRow = Prisma.ReadingGetPayload<object>;
type MeterRow = Prisma.MeterGetPayload<object>;

const toMilli = (d: Prisma.Decimal | null) => (d === null ? undefined : Math.round(Number(d) * 1000));
const valuesOf = (r: ReadingRow, zones: Zone[]) => {
  const columns = { T1: r.t1, T2: r.t2, T3: r.t3 };
  return Object.fromEntries(zones.map((z) => [z, toMilli(columns[z])])) as Partial<Record<Zone, number>>;
};
const snapshot = (r: ReadingRow, meter: MeterRow) => ({
  takenAt: r.takenAt.toISOString(),
  source: r.source,
  values: meter.zones.map((zone) => ({
    zone,
    value: formatMilli(valuesOf(r, meter.zones)[zone] ?? 0, meter.decimalPlaces),
  })),
});

async function accountContext(db: Database, userId: string, accountId: string, now: Date) {
  await requireLinkedAccount(db, userId, accountId);
  const account = await db.personalAccount.findUniqueOrThrow({ where: { id: accountId }, include: { supplier: true } });
  const rule: WindowRule = {
    startDay: account.supplier.readingWindowStartDay,
    endDay: account.supplier.readingWindowEndDay,
    timeZone: account.supplier.timeZone,
  };
  const window = readingWindow(now, rule);
  // This month's window opening in the supplier's zone: readings before it are "previous".
  const windowStart = dayStart(
    `${monthOf(now, rule.timeZone)}-${String(rule.startDay).padStart(2, "0")}`,
    rule.timeZone,
  );
  return { account, rule, window, windowStart };
}

/** Usual monthly use over the last 12 bills, per meter, in thousandths of a kWh. */
async function averageMonthlyMilli(db: Database, accountId: string, meters: number): Promise<number | null> {
  const bills = await db.bill.findMany({
    where: { accountId },
    orderBy: { period: "desc" },
    take: 12,
    select: { lines: { select: { kwh: true } } },
  });
  if (!bills.length) return null;
  const total = bills.reduce((sum, b) => sum + b.lines.reduce((s, l) => s + Number(l.kwh), 0), 0);
  return Math.round((total * 1000) / bills.length / Math.max(1, meters));
}

async function ratesFor(
  db: Database,
  supplierId: string,
  plan: Prisma.PersonalAccountGetPayload<object>["tariffPlan"],
  now: Date,
) {
  const day = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const tariffs = await db.tariff.findMany({
    where: { supplierId, plan, validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] },
  });
  return tariffs.map((t) => ({ zone: t.zone, rateKopecks: t.rateKopecks }));
}

async function meterState(db: DatabaseOrTx, meter: MeterRow, windowStart: Date) {
  const [previous, thisWindow] = await Promise.all([
    db.reading.findFirst({
      where: { meterId: meter.id, status: "ACTIVE", takenAt: { lt: windowStart } },
      orderBy: { takenAt: "desc" },
    }),
    db.reading.findFirst({
      where: { meterId: meter.id, status: "ACTIVE", source: "CUSTOMER", takenAt: { gte: windowStart } },
      orderBy: { takenAt: "desc" },
    }),
  ]);
  return { previous, thisWindow };
}

export async function readingsState(
  { db, clock }: ReadingsDeps,
  userId: string,
  accountId: string,
): Promise<ReadingsState> {
  const now = clock.now();
  const { account, window, windowStart } = await accountContext(db, userId, accountId, now);
  const meters = await db.meter.findMany({ where: { accountId }, orderBy: { serialNumber: "asc" } });
  const [average, rates] = await Promise.all([
    averageMonthlyMilli(db, accountId, meters.length),
    ratesFor(db, account.supplierId, account.tariffPlan, now),
  ]);
  const states: MeterReadingState[] = await Promise.all(
    meters.map(async (meter) => {
      const { previous, thisWindow } = await meterState(db, meter, windowStart);
      const refusal = meterRefusal(meter, window);
      return {
        meterId: meter.id,
        serialNumber: meter.serialNumber,
        model: meter.model,
        zones: meter.zones,
        digitCapacity: meter.digitCapacity,
        decimalPlaces: meter.decimalPlaces,
        previous: previous ? snapshot(previous, meter) : null,
        submittedThisWindow: thisWindow ? { id: thisWindow.id, ...snapshot(thisWindow, meter) } : null,
        accepts: refusal === null,
        refusal,
        averageMonthlyKwh: average === null ? null : formatMilli(average, 1),
        rates: rates.filter((r) => meter.zones.includes(r.zone)),
      };
    }),
  );
  return { now: now.toISOString(), window, meters: states };
}

function monthsBetween(from: Date, to: Date, timeZone: string): number {
  const [fy, fm] = monthOf(from, timeZone).split("-").map(Number) as [number, number];
  const [ty, tm] = monthOf(to, timeZone).split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

export interface SubmitInput {
  idempotencyKey: string;
  values: Partial<Record<Zone, string>>;
  confirmRollover?: boolean;
  confirmLargeJump?: boolean;
  contactPhone?: string;
}

/**
 * «Передать». Submissions for one meter are serialised; a retry with the same key returns what the
 * first one did; a second reading in the same window replaces the first (both stay in history).
 */
export async function submitReading(
  { db, clock }: ReadingsDeps,
  userId: string,
  accountId: string,
  meterId: string,
  input: SubmitInput,
): Promise<SubmitReadingResult> {
  const now = clock.now();
  const { account, window, windowStart } = await accountContext(db, userId, accountId, now);
  const meter = await db.meter.findFirst({ where: { id: meterId, accountId } });
  if (!meter) throw new DomainError("NOT_FOUND", "Счётчик не найден.");
  const [average, rates] = await Promise.all([
    averageMonthlyMilli(db, accountId, await db.meter.count({ where: { accountId } })),
    ratesFor(db, account.supplierId, account.tariffPlan, now),
  ]);

  const requestHash = digest(readingFingerprint({ meterId: meter.id, values: input.values }));
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${meter.id}))`;
    const existing = await tx.reading.findUnique({
      where: { submittedById_idempotencyKey: { submittedById: userId, idempotencyKey: input.idempotencyKey } },
    });
    const { previous, thisWindow } = await meterState(tx, meter, windowStart);
    const previousValues = previous ? valuesOf(previous, meter.zones) : null;
    if (existing) {
      // The same submission again returns what it did; the key with other values is refused.
      if (existing.meterId !== meter.id || !sameRequest(existing.requestHash, requestHash)) {
        throw new DomainError("IDEMPOTENCY_KEY_REUSED");
      }
      return { reading: existing, previousValues, replaced: false };
    }

    const check = checkReading({
      meter,
      window,
      previous: previousValues,
      monthsSincePrevious: previous ? monthsBetween(previous.takenAt, now, account.supplier.timeZone) : 1,
      averageMonthlyMilli: average,
      values: input.values,
      confirmRollover: input.confirmRollover,
      confirmLargeJump: input.confirmLargeJump,
    });
    if (check.kind === "refused") throw new DomainError(check.code, check.message);
    if (check.kind === "invalid")
      throw new DomainError("VALIDATION_FAILED", undefined, { location: "body", fields: check.fields });
    if (check.kind === "confirm") {
      throw new DomainError("NEEDS_CONFIRMATION", check.warnings.map((w) => w.message).join(" "), {
        warnings: check.warnings,
      });
    }
    if (thisWindow) await tx.reading.update({ where: { id: thisWindow.id }, data: { status: "REPLACED" } });
    const milli = (z: Zone) => (check.values[z] === undefined ? null : formatMilli(check.values[z] ?? 0, 3));
    const reading = await tx.reading.create({
      data: {
        meterId: meter.id,
        takenAt: now,
        source: "CUSTOMER",
        t1: milli("T1") ?? "0",
        t2: milli("T2"),
        t3: milli("T3"),
        submittedById: userId,
        idempotencyKey: input.idempotencyKey,
        requestHash,
        contactPhone: input.contactPhone ?? null,
        createdAt: now,
      },
    });
    return { reading, previousValues, replaced: thisWindow !== null };
  });

  const values = valuesOf(result.reading, meter.zones);
  const capacity = 10 ** meter.digitCapacity * 1000;
  const consumption = meter.zones.map((zone) => {
    const before = result.previousValues?.[zone];
    const after = values[zone] ?? 0;
    const used = before === undefined ? 0 : after >= before ? after - before : capacity - before + after;
    const rateKopecks = rates.find((r) => r.zone === zone)?.rateKopecks ?? 0;
    return { zone, kwh: formatMilli(used, 3), rateKopecks, costKopecks: Math.round((used * rateKopecks) / 1000) };
  });
  return {
    reading: { id: result.reading.id, meterId: meter.id, ...snapshot(result.reading, meter) },
    consumption,
    totalCostKopecks: consumption.reduce((s, c) => s + c.costKopecks, 0),
    replacedPrevious: result.replaced,
  };
}

/** Readings of all the account's meters in a period (Moscow calendar days, both inclusive). */
export async function readingHistory(
  { db }: ReadingsDeps,
  userId: string,
  accountId: string,
  period: { from: string; to: string },
): Promise<ReadingHistoryItem[]> {
  await requireLinkedAccount(db, userId, accountId);
  const { supplier } = await db.personalAccount.findUniqueOrThrow({
    where: { id: accountId },
    include: { supplier: true },
  });
  const from = dayStart(period.from, supplier.timeZone);
  // Up to the end of the last day: the start of the next one.
  const to = dayStart(
    new Date(Date.parse(`${period.to}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
    supplier.timeZone,
  );
  const rows = await db.reading.findMany({
    where: { meter: { accountId }, takenAt: { gte: from, lt: to } },
    orderBy: [{ takenAt: "desc" }, { createdAt: "desc" }],
    include: { meter: true },
  });
  return rows.map((r) => ({
    id: r.id,
    meterId: r.meterId,
    serialNumber: r.meter.serialNumber,
    status: r.status,
    ...snapshot(r, r.meter),
  }));
}
