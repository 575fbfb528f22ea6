import { randomUUID } from "node:crypto";
import type { MeterReadingState, ReadingHistoryItem, ReadingsState, SubmitReadingResult } from "@lk/contract";
import { type Database, sqlOf, transaction } from "@lk/db";
import {
  checkReading,
  dayStart,
  formatMilli,
  meterRefusal,
  monthsBetween,
  readingFingerprint,
  readingWindow,
  sameRequest,
  usualMonthlyMilli,
  type WindowRule,
  windowOpening,
  type Zone,
} from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { digest } from "../../lib/digest.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { requireLinkedAccount } from "../accounts/access.ts";
import { requireActiveSession, type Viewer } from "../auth/session-check.ts";
import {
  insertReading,
  type MeterFacts,
  meterReadings,
  type ReadingFacts,
  stateContext,
  submitContext,
} from "./queries.ts";

export interface ReadingsDeps {
  db: Database;
  clock: Clock;
}

type Facts = { t1: number | null; t2: number | null; t3: number | null; takenAt: Date; source: string };

const valuesOf = (r: Facts, zones: Zone[]) => {
  const columns = { T1: r.t1, T2: r.t2, T3: r.t3 };
  return Object.fromEntries(zones.map((z) => [z, columns[z] ?? undefined])) as Partial<Record<Zone, number>>;
};
const snapshot = (r: Facts, meter: MeterFacts) => ({
  takenAt: r.takenAt.toISOString(),
  source: r.source as SubmitReadingResult["reading"]["source"],
  values: meter.zones.map((zone) => ({
    zone,
    value: formatMilli(valuesOf(r, meter.zones)[zone] ?? 0, meter.decimalPlaces),
  })),
});

/** The UTC calendar day tariffs are looked up by (`validFrom`/`validTo` are dates). */
const tariffDay = (now: Date) => now.toISOString().slice(0, 10);

/** The session is open and the account linked, or the request ends here (401, then 404). */
function requireAccount<
  T extends { sessionActive: boolean; accountId: string | null; startDay: number; endDay: number; timeZone: string },
>(facts: T | undefined) {
  requireActiveSession(facts?.sessionActive);
  if (!facts?.accountId) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  const rule: WindowRule = { startDay: facts.startDay, endDay: facts.endDay, timeZone: facts.timeZone };
  return { ...facts, rule } as T & { rule: WindowRule };
}

const pick = (rows: ReadingFacts[], kind: ReadingFacts["kind"], meterId?: string) =>
  rows.find((r) => r.kind === kind && (meterId === undefined || r.meterId === meterId)) ?? null;

/**
 * The readings page. Two prepared statements: the session, link, account, meters, usual use and
 * rates; then each meter's previous reading and this window's (they need the window's opening,
 * which the domain computes from the supplier's rule).
 */
export async function readingsState({ db }: ReadingsDeps, viewer: Viewer, accountId: string): Promise<ReadingsState> {
  const now = viewer.now;
  const sql = sqlOf(db);
  const [found] = await sql.query(stateContext, [viewer.userId, accountId, viewer.sessionId, now, tariffDay(now)]);
  const facts = requireAccount(found);
  const window = readingWindow(now, facts.rule);
  const meters = facts.meters;
  const readings = meters.length
    ? await sql.query(meterReadings, [meters.map((m) => m.id), windowOpening(now, facts.rule), viewer.userId, null])
    : [];
  const average = usualMonthlyMilli({ totalMilli: facts.usualMilli, bills: facts.usualBills }, facts.meterCount);
  const states: MeterReadingState[] = meters.map((meter) => {
    const previous = pick(readings, "previous", meter.id);
    const thisWindow = pick(readings, "thisWindow", meter.id);
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
      rates: facts.rates.filter((r) => meter.zones.includes(r.zone)),
    };
  });
  return { now: now.toISOString(), window, meters: states };
}

export interface SubmitInput {
  idempotencyKey: string;
  values: Partial<Record<Zone, string>>;
  confirmRollover?: boolean;
  confirmLargeJump?: boolean;
  contactPhone?: string;
}

/**
 * «Передать». Submissions for one meter are serialised (its row is locked); a retry with the same
 * key returns what the first one did; a second reading in the same window replaces the first (both
 * stay in history). Five statements: BEGIN, the context (locking the meter), the meter's readings,
 * the insert with the replacement, COMMIT; the rules are the domain's (`checkReading`).
 */
export async function submitReading(
  { db }: ReadingsDeps,
  viewer: Viewer,
  accountId: string,
  meterId: string,
  input: SubmitInput,
): Promise<SubmitReadingResult> {
  const now = viewer.now;
  const requestHash = digest(readingFingerprint({ meterId, values: input.values }));
  const result = await transaction(db, async (sql) => {
    const [found] = await sql.query(submitContext, [
      viewer.userId,
      accountId,
      viewer.sessionId,
      now,
      tariffDay(now),
      meterId,
    ]);
    const facts = requireAccount(found);
    const meter = facts.meter;
    if (!meter) throw new DomainError("NOT_FOUND", "Счётчик не найден.");
    const readings = await sql.query(meterReadings, [
      [meter.id],
      windowOpening(now, facts.rule),
      viewer.userId,
      input.idempotencyKey,
    ]);
    const previous = pick(readings, "previous");
    const thisWindow = pick(readings, "thisWindow");
    const previousValues = previous ? valuesOf(previous, meter.zones) : null;
    const answerTo = (existing: ReadingFacts) => {
      // The same submission again returns what it did; the key with other values is refused.
      if (existing.meterId !== meter.id || !sameRequest(existing.requestHash, requestHash)) {
        throw new DomainError("IDEMPOTENCY_KEY_REUSED");
      }
      return { facts, meter, reading: existing, previousValues, replaced: false };
    };
    const existing = pick(readings, "existing");
    if (existing) return answerTo(existing);

    const check = checkReading({
      meter,
      window: readingWindow(now, facts.rule),
      previous: previousValues,
      monthsSincePrevious: previous ? monthsBetween(previous.takenAt, now, facts.rule.timeZone) : 1,
      averageMonthlyMilli: usualMonthlyMilli(
        { totalMilli: facts.usualMilli, bills: facts.usualBills },
        facts.meterCount,
      ),
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
    const milli = (z: Zone) => (check.values[z] === undefined ? null : formatMilli(check.values[z] ?? 0, 3));
    const id = randomUUID();
    const [written] = await sql.query(insertReading, [
      id,
      meter.id,
      now,
      milli("T1") ?? "0",
      milli("T2"),
      milli("T3"),
      viewer.userId,
      input.idempotencyKey,
      requestHash,
      input.contactPhone ?? null,
      thisWindow?.id ?? null,
    ]);
    if (!written?.inserted) {
      // The key was taken meanwhile by a request for another meter (this one's are serialised).
      const [raced] = await sql.query(meterReadings, [[], now, viewer.userId, input.idempotencyKey]);
      if (raced) return answerTo(raced);
      throw new Error("A reading was neither written nor found by its key");
    }
    const values = { ...check.values };
    const reading: Facts & { id: string } = {
      id,
      takenAt: now,
      source: "CUSTOMER",
      t1: values.T1 ?? 0,
      t2: values.T2 ?? null,
      t3: values.T3 ?? null,
    };
    return { facts, meter, reading, previousValues, replaced: written.replaced > 0 };
  });

  const { meter, facts } = result;
  const values = valuesOf(result.reading, meter.zones);
  const capacity = 10 ** meter.digitCapacity * 1000;
  const consumption = meter.zones.map((zone) => {
    const before = result.previousValues?.[zone];
    const after = values[zone] ?? 0;
    const used = before === undefined ? 0 : after >= before ? after - before : capacity - before + after;
    const rateKopecks = facts.rates.find((r) => r.zone === zone)?.rateKopecks ?? 0;
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
  const milli = (d: { toString(): string } | null) => (d === null ? null : Math.round(Number(d) * 1000));
  return rows.map((r) => ({
    id: r.id,
    meterId: r.meterId,
    serialNumber: r.meter.serialNumber,
    status: r.status,
    ...snapshot({ takenAt: r.takenAt, source: r.source, t1: milli(r.t1), t2: milli(r.t2), t3: milli(r.t3) }, r.meter),
  }));
}
