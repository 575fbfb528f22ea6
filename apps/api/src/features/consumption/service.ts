import type { ConsumptionYear } from "@lk/contract";
import { type Database, sqlOf, statement } from "@lk/db";
import {
  consumptionCsv,
  consumptionFileName,
  DomainError,
  dayStart,
  monthlyConsumption,
  monthsToShow,
  type Zone,
} from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { requireActiveSession, sessionActiveSql, type Viewer } from "../auth/session-check.ts";

export interface ConsumptionDeps {
  db: Database;
  clock: Clock;
}

const milli = (value: number | null) => (value === null ? undefined : value);

/** The session, the link, the account's number, its supplier's zone and its meters, in one statement. */
const chartContext = statement<
  [userId: string, accountId: string, sessionId: string, now: Date],
  {
    sessionActive: boolean;
    number: string | null;
    timeZone: string;
    meters: { id: string; zones: Zone[]; digitCapacity: number }[];
  }
>(
  "consumption.context",
  `SELECT ${sessionActiveSql("$3", "$4")} AS "sessionActive", c.*
     FROM (SELECT 1) AS one LEFT JOIN LATERAL (
       SELECT a.number, s."timeZone",
              (SELECT coalesce(json_agg(json_build_object('id', m.id, 'zones', m.zones, 'digitCapacity', m."digitCapacity")
                                        ORDER BY m."serialNumber"), '[]'::json)
                 FROM "Meter" m WHERE m."accountId" = a.id) AS meters
         FROM "AccountLink" l
         JOIN "PersonalAccount" a ON a.id = l."accountId"
         JOIN "Supplier" s ON s.id = a."supplierId"
        WHERE l."userId" = $1::uuid AND l."accountId" = $2::uuid) AS c ON true`,
);

/**
 * The readings of the two years shown, plus each meter's last one before them (the use in the
 * first month is measured from it, however long ago it was taken): bounded on both sides, so a
 * meter's older history is never read. A reading at 00:00 on 1 January closes December, so it
 * belongs to the earlier side. Values as thousandths already. $1 meters, $2 from, $3 to.
 */
const chartReadings = statement<
  [meterIds: string[], from: Date, to: Date],
  { meterId: string; takenAt: Date; t1: number | null; t2: number | null; t3: number | null }
>(
  "consumption.readings",
  `SELECT "meterId", "takenAt", round(t1 * 1000)::float8 AS t1, round(t2 * 1000)::float8 AS t2,
          round(t3 * 1000)::float8 AS t3
     FROM "Reading"
    WHERE "meterId" = ANY($1::uuid[]) AND status = 'ACTIVE' AND "takenAt" > $2::timestamptz AND "takenAt" <= $3::timestamptz
   UNION ALL
   SELECT before.* FROM unnest($1::uuid[]) AS meter(id) CROSS JOIN LATERAL (
     SELECT "meterId", "takenAt", round(t1 * 1000)::float8 AS t1, round(t2 * 1000)::float8 AS t2,
            round(t3 * 1000)::float8 AS t3
       FROM "Reading"
      WHERE "meterId" = meter.id AND status = 'ACTIVE' AND "takenAt" <= $2::timestamptz
      ORDER BY "takenAt" DESC LIMIT 1
   ) AS before`,
);

/** The account's monthly use from its actual readings, for a year and the year before it. */
async function compute({ db }: ConsumptionDeps, viewer: Viewer, accountId: string, year: number) {
  const sql = sqlOf(db);
  const [account] = await sql.query(chartContext, [viewer.userId, accountId, viewer.sessionId, viewer.now]);
  requireActiveSession(account?.sessionActive);
  if (!account?.number) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  const { timeZone, meters } = account;
  const from = dayStart(`${year - 1}-01-01`, timeZone);
  const to = dayStart(`${year + 1}-01-01`, timeZone);
  const rows = meters.length ? await sql.query(chartReadings, [meters.map((m) => m.id), from, to]) : [];
  const readings = rows.map((r) => ({
    meterId: r.meterId,
    takenAt: r.takenAt,
    values: { T1: milli(r.t1), T2: milli(r.t2), T3: milli(r.t3) },
  }));
  const zones = [...new Set(meters.flatMap((m) => m.zones))].sort() as Zone[];
  const now = viewer.now;
  return {
    number: account.number,
    zones,
    current: monthlyConsumption(meters, readings, year, now, timeZone),
    previous: monthlyConsumption(meters, readings, year - 1, now, timeZone),
  };
}

export async function consumptionYear(
  deps: ConsumptionDeps,
  viewer: Viewer,
  accountId: string,
  year: number,
): Promise<ConsumptionYear> {
  const c = await compute(deps, viewer, accountId, year);
  return {
    year,
    zones: c.zones,
    months: monthsToShow(c.current, c.zones),
    previousYear: monthsToShow(c.previous, c.zones),
  };
}

export async function consumptionCsvFile(deps: ConsumptionDeps, viewer: Viewer, accountId: string, year: number) {
  const c = await compute(deps, viewer, accountId, year);
  return { filename: consumptionFileName(c.number, year), csv: consumptionCsv(year, c.zones, c.current, c.previous) };
}
