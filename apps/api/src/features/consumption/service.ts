import type { ConsumptionYear, MonthConsumption } from "@lk/contract";
import type { Database } from "@lk/db";
import {
  consumptionCsv,
  type MonthConsumption as DomainMonth,
  dayStart,
  formatMilli,
  monthlyConsumption,
  type Zone,
} from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { requireLinkedAccount } from "../accounts/access.ts";

export interface ConsumptionDeps {
  db: Database;
  clock: Clock;
}

const milli = (value: number | null) => (value === null ? undefined : value);

function toContract(months: DomainMonth[], zones: Zone[]): MonthConsumption[] {
  return months.map((m) => ({
    month: m.month,
    status: m.status,
    zones: m.status === "ACTUAL" ? zones.map((zone) => ({ zone, kwh: formatMilli(m.zones[zone] ?? 0, 3) })) : [],
    totalKwh: m.total === null ? null : formatMilli(m.total, 3),
  }));
}

/** The account's monthly use from its actual readings, for a year and the year before it. */
async function compute({ db, clock }: ConsumptionDeps, userId: string, accountId: string, year: number) {
  await requireLinkedAccount(db, userId, accountId);
  const account = await db.personalAccount.findUniqueOrThrow({
    where: { id: accountId },
    select: { number: true, supplier: { select: { timeZone: true } }, meters: true },
  });
  const timeZone = account.supplier.timeZone;
  const meters = account.meters.map((m) => ({ id: m.id, zones: m.zones as Zone[], digitCapacity: m.digitCapacity }));
  // The readings of the two years shown, plus each meter's last one before them (the use in the
  // first month is measured from it, however long ago it was taken): bounded on both sides, so a
  // meter's older history is never read. A reading at 00:00 on 1 January closes December, so
  // it belongs to the earlier side. Raw, with values as thousandths already: this runs on every
  // chart view, and Prisma's Decimal objects for three columns cost more than the query.
  const from = dayStart(`${year - 1}-01-01`, timeZone);
  const to = dayStart(`${year + 1}-01-01`, timeZone);
  const ids = meters.map((m) => m.id);
  const rows = await db.$queryRaw<
    { meterId: string; takenAt: Date; t1: number | null; t2: number | null; t3: number | null }[]
  >`
    SELECT "meterId", "takenAt", round(t1 * 1000)::float8 AS t1, round(t2 * 1000)::float8 AS t2,
           round(t3 * 1000)::float8 AS t3
    FROM "Reading"
    WHERE "meterId" = ANY(${ids}::uuid[]) AND status = 'ACTIVE' AND "takenAt" > ${from} AND "takenAt" <= ${to}
    UNION ALL
    SELECT before.* FROM unnest(${ids}::uuid[]) AS meter(id) CROSS JOIN LATERAL (
      SELECT "meterId", "takenAt", round(t1 * 1000)::float8 AS t1, round(t2 * 1000)::float8 AS t2,
             round(t3 * 1000)::float8 AS t3
      FROM "Reading"
      WHERE "meterId" = meter.id AND status = 'ACTIVE' AND "takenAt" <= ${from}
      ORDER BY "takenAt" DESC LIMIT 1
    ) AS before`;
  const readings = rows.map((r) => ({
    meterId: r.meterId,
    takenAt: r.takenAt,
    values: { T1: milli(r.t1), T2: milli(r.t2), T3: milli(r.t3) },
  }));
  const zones = [...new Set(meters.flatMap((m) => m.zones))].sort() as Zone[];
  const now = clock.now();
  return {
    number: account.number,
    zones,
    current: monthlyConsumption(meters, readings, year, now, timeZone),
    previous: monthlyConsumption(meters, readings, year - 1, now, timeZone),
  };
}

export async function consumptionYear(
  deps: ConsumptionDeps,
  userId: string,
  accountId: string,
  year: number,
): Promise<ConsumptionYear> {
  const c = await compute(deps, userId, accountId, year);
  return {
    year,
    zones: c.zones,
    months: toContract(c.current, c.zones),
    previousYear: toContract(c.previous, c.zones),
  };
}

export async function consumptionCsvFile(deps: ConsumptionDeps, userId: string, accountId: string, year: number) {
  const c = await compute(deps, userId, accountId, year);
  return { filename: `potreblenie-${c.number}-${year}.csv`, csv: consumptionCsv(year, c.zones, c.current, c.previous) };
}
