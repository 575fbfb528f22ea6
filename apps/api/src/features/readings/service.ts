import { randomUUID } from "node:crypto";
import type { MeterReadingState, ReadingHistoryItem, ReadingsState, SubmitReadingResult } from "@lk/contract";
import { type Database, type Sql, sqlOf, transaction } from "@lk/db";
import {
  acceptedValues,
  checkReading,
  DomainError,
  formatMilli,
  meterReadingView,
  meterRefusal,
  monthOf,
  monthsBetween,
  periodInstants,
  type ReadingToShow,
  ratesOn,
  readingCost,
  readingFingerprint,
  readingSnapshot,
  readingWindow,
  requireSameRequest,
  tariffDay,
  unusualUse,
  unusualUseNotice,
  usedMilliOf,
  usualMonthlyMilli,
  type WindowRule,
  windowOpening,
  type Zone,
} from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { digest } from "../../lib/digest.ts";
import { todaysTariffsSince } from "../../lib/tariffs-sql.ts";
import { requireLinkedAccount } from "../accounts/access.ts";
import { requireActiveSession, type Viewer } from "../auth/session-check.ts";
import { enqueueIn } from "../outbox/outbox.ts";
import {
  type AccountFacts,
  insertReading,
  type MeterFacts,
  meterReadings,
  RECENT_READINGS,
  type ReadingFacts,
  readingByKey,
  stateContext,
  submitContext,
} from "./queries.ts";

export interface ReadingsDeps {
  db: Database;
  clock: Clock;
}

type Values = Pick<ReadingFacts, "t1" | "t2" | "t3">;

const valuesOf = (r: Values, zones: Zone[]) => {
  const columns = { T1: r.t1, T2: r.t2, T3: r.t3 };
  return Object.fromEntries(zones.map((z) => [z, columns[z] ?? undefined])) as Partial<Record<Zone, number>>;
};
type Source = SubmitReadingResult["reading"]["source"];

/** A row (values in columns t1–t3, thousandths) as the domain's page builders take it. */
const shown = (r: Values & { takenAt: string; source: string }, meter: Pick<MeterFacts, "zones">) =>
  ({
    takenAt: r.takenAt,
    source: r.source as Source,
    values: valuesOf(r, meter.zones),
  }) satisfies ReadingToShow<Source>;

/**
 * The session is open and the account linked, or the request ends here (401, then 404). With the
 * supplier's window rule and today's rates of the account's plan.
 */
function requireAccount<T extends AccountFacts>(facts: T | undefined, now: Date) {
  requireActiveSession(facts?.sessionActive);
  if (!facts?.accountId) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  const rule: WindowRule = { startDay: facts.startDay, endDay: facts.endDay, timeZone: facts.timeZone };
  const rates = ratesOn(facts.tariffs, facts.tariffPlan, tariffDay(now, facts.timeZone));
  return { ...facts, rule, rates } as T & { rule: WindowRule; rates: typeof rates };
}

interface MeterReadings {
  /** The last active reading before the window opened: what a new one is checked against. */
  previous: ReadingFacts | null;
  /** The customer's active reading in this window, which a new one replaces. */
  thisWindow: ReadingFacts | null;
}

/**
 * Previous and this window's reading from a meter's latest ones (newest first), or null when they
 * are all from this window and the one before it is further back than they reach.
 */
function fromRecent(recent: ReadingFacts[], opening: Date): MeterReadings | null {
  const since = recent.filter((r) => Date.parse(r.takenAt) >= opening.getTime());
  const previous = recent.find((r) => Date.parse(r.takenAt) < opening.getTime()) ?? null;
  if (!previous && recent.length === RECENT_READINGS) return null;
  return { previous, thisWindow: since.find((r) => r.source === "CUSTOMER") ?? null };
}

/** Each meter's previous and this window's reading: from its latest ones, asking again only if they do not reach. */
async function readingsOf(sql: Sql, meters: MeterFacts[], opening: Date): Promise<Map<string, MeterReadings>> {
  const found = new Map(meters.map((m) => [m.id, fromRecent(m.recent, opening)]));
  const unknown = meters.filter((m) => found.get(m.id) === null).map((m) => m.id);
  if (unknown.length) {
    const rows = await sql.query(meterReadings, [unknown, opening]);
    for (const id of unknown) {
      const of = (kind: string) => rows.find((r) => r.kind === kind && r.reading.meterId === id)?.reading ?? null;
      found.set(id, { previous: of("previous"), thisWindow: of("thisWindow") });
    }
  }
  return found as Map<string, MeterReadings>;
}

/**
 * The readings page: one prepared statement (the session, link, account, meters with their latest
 * readings, usual use and rates) unless a meter's latest readings are all from this window.
 */
export async function readingsState({ db }: ReadingsDeps, viewer: Viewer, accountId: string): Promise<ReadingsState> {
  const now = viewer.now;
  const sql = sqlOf(db);
  const [found] = await sql.query(stateContext, [
    viewer.userId,
    accountId,
    viewer.sessionId,
    now,
    todaysTariffsSince(now),
  ]);
  const facts = requireAccount(found, now);
  const window = readingWindow(now, facts.rule);
  const readings = await readingsOf(sql, facts.meters, windowOpening(now, facts.rule));
  const average = usualMonthlyMilli({ totalMilli: facts.usualMilli, bills: facts.usualBills }, facts.meterCount);
  const states: MeterReadingState[] = facts.meters.map((meter) => {
    const { previous, thisWindow } = readings.get(meter.id) ?? { previous: null, thisWindow: null };
    return meterReadingView(meter, {
      previous: previous && shown(previous, meter),
      thisWindow: thisWindow && { id: thisWindow.id, ...shown(thisWindow, meter) },
      refusal: meterRefusal(meter, window),
      usualMonthlyMilli: average,
      rates: facts.rates,
    });
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
 * stay in history). Four statements: BEGIN, the context (locking the meter, with its latest
 * readings and the key's reading), the insert with the replacement, COMMIT; and, only in an
 * unusual month, its «Необычный расход» letter before COMMIT, so the reading is never kept without
 * it. The rules are the domain's (`checkReading`, `unusualUse`).
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
  const decide = async (sql: Sql) => {
    const [found] = await sql.query(submitContext, [
      viewer.userId,
      accountId,
      viewer.sessionId,
      now,
      todaysTariffsSince(now),
      meterId,
      input.idempotencyKey,
    ]);
    const facts = requireAccount(found, now);
    const meter = facts.meter;
    if (!meter) throw new DomainError("NOT_FOUND", "Счётчик не найден.");
    const opening = windowOpening(now, facts.rule);
    const { previous } = (await readingsOf(sql, [meter], opening)).get(meter.id) as MeterReadings;
    const previousValues = previous ? valuesOf(previous, meter.zones) : null;
    const answerTo = (existing: ReadingFacts) => {
      // The same submission again returns what it did; the key with other values is refused.
      requireSameRequest(existing.meterId === meter.id, existing.requestHash, requestHash);
      return { facts, meter, reading: existing, previous, previousValues, replaced: false };
    };
    if (facts.existing) return answerTo(facts.existing);

    const values = acceptedValues(
      checkReading({
        meter,
        window: readingWindow(now, facts.rule),
        previous: previousValues,
        monthsSincePrevious: previous ? monthsBetween(new Date(previous.takenAt), now, facts.rule.timeZone) : 1,
        averageMonthlyMilli: usualMonthlyMilli(
          { totalMilli: facts.usualMilli, bills: facts.usualBills },
          facts.meterCount,
        ),
        values: input.values,
        confirmRollover: input.confirmRollover,
        confirmLargeJump: input.confirmLargeJump,
      }),
    );
    const milli = (z: Zone) => (values[z] === undefined ? null : formatMilli(values[z] ?? 0, 3));
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
      opening,
    ]);
    if (!written?.inserted) {
      // The key was taken meanwhile: by this submission's twin (it waited for the lock) or by a
      // request for another meter. One more statement, only then.
      const [raced] = await sql.query(readingByKey, [viewer.userId, input.idempotencyKey]);
      if (raced) return answerTo(raced.reading);
      throw new Error("A reading was neither written nor found by its key");
    }
    const reading = {
      id,
      meterId: meter.id,
      takenAt: now.toISOString(),
      source: "CUSTOMER",
      t1: values.T1 ?? 0,
      t2: values.T2 ?? null,
      t3: values.T3 ?? null,
      requestHash,
    };
    return { facts, meter, reading, previous, previousValues, replaced: written.replaced > 0 };
  };

  const { result, consumption, totalCostKopecks, unusual } = await transaction(db, async (sql) => {
    const result = await decide(sql);
    const { meter, facts } = result;
    const cost = readingCost(meter, result.previousValues, valuesOf(result.reading, meter.zones), facts.rates);
    const unusual = unusualUse({
      month: monthOf(now, facts.timeZone),
      usedMilli: usedMilliOf(cost.consumption),
      months: result.previous ? monthsBetween(new Date(result.previous.takenAt), now, facts.timeZone) : 1,
      previousSource: (result.previous?.source as Parameters<typeof unusualUse>[0]["previousSource"]) ?? null,
      lastYearMilli: facts.lastYearMilli === null ? null : facts.lastYearMilli / Math.max(1, facts.meterCount),
      usualMilli: usualMonthlyMilli({ totalMilli: facts.usualMilli, bills: facts.usualBills }, facts.meterCount),
    });
    // The letter goes in with the reading, once per meter and month (its dedupe key) however often
    // the reading is sent; only when the month is unusual, so the usual submission's statements
    // stay as they were.
    if (unusual) await enqueueIn(sql, [unusualUseNotice(facts.email, facts.accountNumber, meter.id, unusual)]);
    return { result, ...cost, unusual };
  });
  const { meter } = result;
  return {
    reading: { id: result.reading.id, meterId: meter.id, ...readingSnapshot(shown(result.reading, meter), meter) },
    consumption,
    totalCostKopecks,
    replacedPrevious: result.replaced,
    unusualUse: unusual,
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
  const { from, to } = periodInstants(period, supplier.timeZone);
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
    ...readingSnapshot(
      shown(
        { takenAt: r.takenAt.toISOString(), source: r.source, t1: milli(r.t1), t2: milli(r.t2), t3: milli(r.t3) },
        r.meter,
      ),
      r.meter,
    ),
  }));
}
