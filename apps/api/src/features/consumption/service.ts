import type { ConsumptionYear, TariffComparison, ThisMonth } from "@lk/contract";
import { type Database, type Sql, sqlOf, statement } from "@lk/db";
import {
  comparisonFrom,
  consumptionCsv,
  consumptionFileName,
  DomainError,
  dayStart,
  monthOf,
  ratesOn,
  type TariffPlan,
  type TariffRate,
  tariffComparisonView,
  tariffDay,
  thisMonthView,
  yearConsumption,
  yearConsumptionView,
  type Zone,
} from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { tariffsJson, todaysTariffsSince } from "../../lib/tariffs-sql.ts";
import { requireActiveSession, sessionActiveSql, type Viewer } from "../auth/session-check.ts";

export interface ConsumptionDeps {
  db: Database;
  clock: Clock;
}

const milli = (value: number | null) => (value === null ? undefined : value);

/** The session, the link, the account's number, its supplier's zone and its meters (and `extra`), in one statement. */
const contextSql = (extra = "") =>
  `SELECT ${sessionActiveSql("$3", "$4")} AS "sessionActive", c.*
     FROM (SELECT 1) AS one LEFT JOIN LATERAL (
       SELECT a.number, s."timeZone",
              (SELECT coalesce(json_agg(json_build_object('id', m.id, 'zones', m.zones, 'digitCapacity', m."digitCapacity")
                                        ORDER BY m."serialNumber"), '[]'::json)
                 FROM "Meter" m WHERE m."accountId" = a.id) AS meters${extra}
         FROM "AccountLink" l
         JOIN "PersonalAccount" a ON a.id = l."accountId"
         JOIN "Supplier" s ON s.id = a."supplierId"
        WHERE l."userId" = $1::uuid AND l."accountId" = $2::uuid) AS c ON true`;

interface ChartContext {
  sessionActive: boolean;
  number: string | null;
  timeZone: string;
  meters: { id: string; zones: Zone[]; digitCapacity: number }[];
}

const chartContext = statement<[userId: string, accountId: string, sessionId: string, now: Date], ChartContext>(
  "consumption.context",
  contextSql(),
);

/** The same, with the latest bill's month and the plan's tariffs from $5 (`todaysTariffsSince`). */
const thisMonthContext = statement<
  [userId: string, accountId: string, sessionId: string, now: Date, tariffsSince: string],
  ChartContext & { lastBilledMonth: string | null; currentPlan: TariffPlan; tariffs: TariffRate[] }
>(
  "consumption.this-month-context",
  contextSql(`, a."tariffPlan" AS "currentPlan",
              (SELECT to_char(max(b.period), 'YYYY-MM') FROM "Bill" b WHERE b."accountId" = a.id) AS "lastBilledMonth",
              ${tariffsJson("$5", true)} AS tariffs`),
);

/** The same, with the account's plan and every tariff of its supplier in force since $5 (a date). */
const comparisonContext = statement<
  [userId: string, accountId: string, sessionId: string, now: Date, since: string],
  ChartContext & { currentPlan: TariffPlan; tariffs: TariffRate[] }
>(
  "consumption.tariff-comparison-context",
  contextSql(`, a."tariffPlan" AS "currentPlan", ${tariffsJson("$5")} AS tariffs`),
);

/**
 * The readings of the two years shown, plus each meter's last one before them (the use in the
 * first month is measured from it, however long ago it was taken): bounded on both sides, so a
 * meter's older history is never read. A reading at 00:00 on 1 January closes December, so it
 * belongs to the earlier side. Values as thousandths already. $1 meters, $2 from, $3 to.
 */
const readingsSql = (where: string) =>
  `SELECT "meterId", "takenAt", round(t1 * 1000)::float8 AS t1, round(t2 * 1000)::float8 AS t2,
          round(t3 * 1000)::float8 AS t3
     FROM "Reading"
    WHERE "meterId" = ANY($1::uuid[]) AND ${where} AND "takenAt" > $2::timestamptz AND "takenAt" <= $3::timestamptz
   UNION ALL
   SELECT before.* FROM unnest($1::uuid[]) AS meter(id) CROSS JOIN LATERAL (
     SELECT "meterId", "takenAt", round(t1 * 1000)::float8 AS t1, round(t2 * 1000)::float8 AS t2,
            round(t3 * 1000)::float8 AS t3
       FROM "Reading"
      WHERE "meterId" = meter.id AND ${where} AND "takenAt" <= $2::timestamptz
      ORDER BY "takenAt" DESC LIMIT 1
   ) AS before`;
type ReadingRow = { meterId: string; takenAt: Date; t1: number | null; t2: number | null; t3: number | null };

const chartReadings = statement<[meterIds: string[], from: Date, to: Date], ReadingRow>(
  "consumption.readings",
  readingsSql(`status = 'ACTIVE'`),
);
/** The same without the supplier's estimates: the tariff comparison counts measured use only. */
const measuredReadings = statement<[meterIds: string[], from: Date, to: Date], ReadingRow>(
  "consumption.measured-readings",
  readingsSql(`status = 'ACTIVE' AND source <> 'ESTIMATED'`),
);

/** The account (the session and the link checked), or the request ends here (401, then 404). */
function requireAccount<T extends ChartContext>(found: T | undefined): T & { number: string } {
  requireActiveSession(found?.sessionActive);
  if (!found?.number) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  return found as T & { number: string };
}

/** The meters' actual readings after `from` up to `to`, and each meter's last one before `from`. */
async function readingsBetween(sql: Sql, meters: ChartContext["meters"], from: Date, to: Date, query = chartReadings) {
  const rows = meters.length ? await sql.query(query, [meters.map((m) => m.id), from, to]) : [];
  return rows.map((r) => ({
    meterId: r.meterId,
    takenAt: r.takenAt,
    values: { T1: milli(r.t1), T2: milli(r.t2), T3: milli(r.t3) },
  }));
}

/** The account's monthly use from its actual readings, for a year and the year before it. */
async function compute({ db }: ConsumptionDeps, viewer: Viewer, accountId: string, year: number) {
  const sql = sqlOf(db);
  const [found] = await sql.query(chartContext, [viewer.userId, accountId, viewer.sessionId, viewer.now]);
  const { timeZone, meters, number } = requireAccount(found);
  const from = dayStart(`${year - 1}-01-01`, timeZone);
  const to = dayStart(`${year + 1}-01-01`, timeZone);
  const readings = await readingsBetween(sql, meters, from, to);
  return { number, consumption: yearConsumption(meters, readings, year, viewer.now, timeZone) };
}

/**
 * «Этот месяц»: the use since the last bill's readings and the month's forecast (the domain's
 * `thisMonthEstimate`), from the readings since the start of last year (last year's same month
 * and the bill's readings are among them). Two statements: the context, the readings.
 */
export async function thisMonth({ db }: ConsumptionDeps, viewer: Viewer, accountId: string): Promise<ThisMonth> {
  const sql = sqlOf(db);
  const now = viewer.now;
  const [found] = await sql.query(thisMonthContext, [
    viewer.userId,
    accountId,
    viewer.sessionId,
    now,
    todaysTariffsSince(now),
  ]);
  const account = requireAccount(found);
  const year = Number(monthOf(now, account.timeZone).slice(0, 4));
  const readings = await readingsBetween(sql, account.meters, dayStart(`${year - 1}-01-01`, account.timeZone), now);
  return thisMonthView({
    meters: account.meters,
    readings,
    lastBilledMonth: account.lastBilledMonth,
    rates: ratesOn(account.tariffs, account.currentPlan, tariffDay(now, account.timeZone)),
    now,
    timeZone: account.timeZone,
  });
}

/**
 * «Какой тариф выгоднее»: the domain's `tariffComparison` over the measured readings of the last
 * twelve whole months and every tariff of the supplier since then. Two statements.
 */
export async function tariffComparisonOf(
  { db }: ConsumptionDeps,
  viewer: Viewer,
  accountId: string,
): Promise<TariffComparison> {
  const sql = sqlOf(db);
  const now = viewer.now;
  // Tariffs are dated by calendar day; a day early takes in the rate of the window's first month.
  const since = new Date(comparisonFrom(now).getTime() - 86_400_000).toISOString().slice(0, 10);
  const [found] = await sql.query(comparisonContext, [viewer.userId, accountId, viewer.sessionId, now, since]);
  const account = requireAccount(found);
  const from = comparisonFrom(now, account.timeZone);
  const readings = await readingsBetween(sql, account.meters, from, now, measuredReadings);
  return tariffComparisonView({
    meters: account.meters,
    readings,
    rates: account.tariffs,
    currentPlan: account.currentPlan,
    now,
    timeZone: account.timeZone,
  });
}

export async function consumptionYear(
  deps: ConsumptionDeps,
  viewer: Viewer,
  accountId: string,
  year: number,
): Promise<ConsumptionYear> {
  return yearConsumptionView((await compute(deps, viewer, accountId, year)).consumption);
}

export async function consumptionCsvFile(deps: ConsumptionDeps, viewer: Viewer, accountId: string, year: number) {
  const { number, consumption } = await compute(deps, viewer, accountId, year);
  return { filename: consumptionFileName(number, year), csv: consumptionCsv(consumption) };
}
