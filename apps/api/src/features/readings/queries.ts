import { statement } from "@lk/db";
import { type MeterToShow, type TariffPlan, type TariffRate, USUAL_USE_BILLS } from "@lk/domain";
import { tariffsJson } from "../../lib/tariffs-sql.ts";
import { sessionActiveSql } from "../auth/session-check.ts";

// The readings feature's SQL: fixed texts, run as prepared statements (decision 005). Each
// statement says which of the service's questions it answers; the answers are decided in
// @lk/domain. Values come back as thousandths (integers), as the domain counts them.

/** A supplier's reading window rule and the account's facts the checks need. */
export interface AccountFacts {
  sessionActive: boolean;
  accountId: string | null;
  tariffPlan: TariffPlan;
  startDay: number;
  endDay: number;
  timeZone: string;
  meterCount: number;
  /** The latest bills (at most USUAL_USE_BILLS) and the kWh they charged, thousandths. */
  usualBills: number;
  usualMilli: number;
  /** What the same month's bill a year ago charged, thousandths of a kWh (null: no such bill). */
  lastYearMilli: number | null;
  /** The plan's tariffs not ended by $5: today's rates are the domain's `ratesOn` of them. */
  tariffs: TariffRate[];
}

/** A reading as the statements return it: values in thousandths, the instant as ISO text. */
export interface ReadingFacts {
  id: string;
  meterId: string;
  takenAt: string;
  source: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
  requestHash: string | null;
}

/**
 * How many of a meter's latest active readings come with it: enough to hold this window's and the
 * one before it in practice (a customer's, at most an inspector's besides). When all of them are
 * from this window the service asks `meterReadings` instead.
 */
export const RECENT_READINGS = 4;

/** Instants as the contract writes them: UTC with milliseconds. */
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const readingJson = (r: string) => `json_build_object('id', ${r}.id, 'meterId', ${r}."meterId",
  'takenAt', to_char(${r}."takenAt" AT TIME ZONE 'UTC', ${ISO}), 'source', ${r}.source,
  't1', round(${r}.t1 * 1000), 't2', round(${r}.t2 * 1000), 't3', round(${r}.t3 * 1000),
  'requestHash', ${r}."requestHash")`;
/** The meter `m` as JSON, with its latest active readings, newest first. */
const METER_JSON = `json_build_object(
  'id', m.id, 'serialNumber', m."serialNumber", 'model', m.model, 'zones', m.zones,
  'digitCapacity', m."digitCapacity", 'decimalPlaces', m."decimalPlaces",
  'automated', m.automated, 'faulty', m.faulty,
  'recent', (SELECT coalesce(json_agg(${readingJson("r")} ORDER BY r."takenAt" DESC), '[]'::json)
               FROM (SELECT * FROM "Reading" WHERE "meterId" = m.id AND status = 'ACTIVE'
                     ORDER BY "takenAt" DESC LIMIT ${RECENT_READINGS}) AS r))`;

export interface MeterFacts extends MeterToShow {
  /** The latest active readings (at most RECENT_READINGS), newest first. */
  recent: ReadingFacts[];
  automated: boolean;
  faulty: boolean;
}

// $1 user, $2 account, $3 session family, $4 now, $5 the date tariffs are loaded from (todaysTariffsSince).
const ACCOUNT_FACTS = `
  a.id AS "accountId", a."tariffPlan"::text AS "tariffPlan",
  s."readingWindowStartDay" AS "startDay", s."readingWindowEndDay" AS "endDay", s."timeZone",
  (SELECT count(*) FROM "Meter" mm WHERE mm."accountId" = a.id)::int AS "meterCount",
  usual.bills AS "usualBills", usual.milli AS "usualMilli",
  (SELECT sum(round(bl.kwh * 1000))::float8 FROM "Bill" b JOIN "BillLine" bl ON bl."billId" = b.id
    WHERE b."accountId" = a.id
      AND b.period = (date_trunc('month', $4::timestamptz AT TIME ZONE s."timeZone") - interval '1 year')::date
  ) AS "lastYearMilli",
  ${tariffsJson("$5", true)} AS tariffs`;
const USUAL_USE = `CROSS JOIN LATERAL (
    SELECT count(*)::int AS bills, coalesce(sum(latest.milli), 0)::float8 AS milli
      FROM (SELECT (SELECT coalesce(sum(round(bl.kwh * 1000)), 0) FROM "BillLine" bl WHERE bl."billId" = b.id) AS milli
              FROM "Bill" b WHERE b."accountId" = a.id ORDER BY b.period DESC LIMIT ${USUAL_USE_BILLS}) AS latest
  ) AS usual`;
const linkedAccount = (join = "") => `FROM "AccountLink" l
  JOIN "PersonalAccount" a ON a.id = l."accountId"
  JOIN "Supplier" s ON s.id = a."supplierId"
  ${USUAL_USE}
  ${join}
  WHERE l."userId" = $1::uuid AND l."accountId" = $2::uuid`;

/** The readings page in one statement: the session, the link, the account's facts, its meters and their latest readings. */
export const stateContext = statement<
  [userId: string, accountId: string, sessionId: string, now: Date, day: string],
  AccountFacts & { meters: MeterFacts[] }
>(
  "readings.state-context",
  `SELECT ${sessionActiveSql("$3", "$4")} AS "sessionActive", c.*
     FROM (SELECT 1) AS one LEFT JOIN LATERAL (
       SELECT ${ACCOUNT_FACTS},
              (SELECT coalesce(json_agg(${METER_JSON} ORDER BY m."serialNumber"), '[]'::json)
                 FROM "Meter" m WHERE m."accountId" = a.id) AS meters
       ${linkedAccount()}) AS c ON true`,
);

/**
 * A submission's context, with the meter's row locked (FOR UPDATE) until the transaction ends, so
 * submissions for one meter are serialised; and the reading this customer sent with this key
 * ($7), if any. When this statement waited for the lock, what it read of the meter's readings may
 * predate the submission that held it: the insert below decides the replacement and the key with
 * what is committed by then. $6 the meter.
 */
export const submitContext = statement<
  [userId: string, accountId: string, sessionId: string, now: Date, day: string, meterId: string, key: string],
  AccountFacts & { meter: MeterFacts | null; existing: ReadingFacts | null; accountNumber: string; email: string }
>(
  "readings.submit-context",
  `SELECT ${sessionActiveSql("$3", "$4")} AS "sessionActive", c.*
     FROM (SELECT 1) AS one LEFT JOIN LATERAL (
       SELECT ${ACCOUNT_FACTS}, a.number AS "accountNumber",
              (SELECT u.email FROM "User" u WHERE u.id = $1::uuid) AS email,
              CASE WHEN m.id IS NULL THEN NULL ELSE ${METER_JSON} END AS meter,
              (SELECT ${readingJson("e")} FROM "Reading" e
                WHERE e."submittedById" = $1::uuid AND e."idempotencyKey" = $7::uuid) AS existing
       ${linkedAccount(
         `LEFT JOIN LATERAL (SELECT * FROM "Meter" WHERE id = $6::uuid AND "accountId" = a.id FOR UPDATE) AS m ON true`,
       )}) AS c ON true`,
);

/**
 * The exact question when a meter's latest readings do not reach back before the window: per
 * meter, the last active reading before the window opened ("previous") and the customer's active
 * one since ("thisWindow"). $1 meters, $2 the window's opening.
 */
export const meterReadings = statement<
  [meterIds: string[], windowOpening: Date],
  { kind: "previous" | "thisWindow"; reading: ReadingFacts }
>(
  "readings.meter-readings",
  `SELECT 'previous' AS kind, ${readingJson("r")} AS reading FROM unnest($1::uuid[]) AS meter(id) CROSS JOIN LATERAL (
     SELECT * FROM "Reading"
      WHERE "meterId" = meter.id AND status = 'ACTIVE' AND "takenAt" < $2::timestamptz
      ORDER BY "takenAt" DESC LIMIT 1) AS r
   UNION ALL
   SELECT 'thisWindow', ${readingJson("r")} FROM unnest($1::uuid[]) AS meter(id) CROSS JOIN LATERAL (
     SELECT * FROM "Reading"
      WHERE "meterId" = meter.id AND status = 'ACTIVE' AND source = 'CUSTOMER' AND "takenAt" >= $2::timestamptz
      ORDER BY "takenAt" DESC LIMIT 1) AS r`,
);

/** A reading with an idempotency key, when the insert found the key taken. $1 user, $2 key. */
export const readingByKey = statement<[userId: string, key: string], { reading: ReadingFacts }>(
  "readings.by-key",
  `SELECT ${readingJson("r")} AS reading FROM "Reading" r WHERE r."submittedById" = $1::uuid AND r."idempotencyKey" = $2::uuid`,
);

/**
 * The new reading, and the customer's earlier one in this window ($11 its opening) marked
 * replaced, in one statement that runs with the meter locked, so it sees every submission
 * committed before. A key the customer used already (a retry that raced the first) inserts
 * nothing and replaces nothing.
 */
export const insertReading = statement<
  [
    id: string,
    meterId: string,
    takenAt: Date,
    t1: string,
    t2: string | null,
    t3: string | null,
    userId: string,
    idempotencyKey: string,
    requestHash: string,
    contactPhone: string | null,
    windowOpening: Date,
  ],
  { inserted: number; replaced: number }
>(
  "readings.insert",
  `WITH inserted AS (
     INSERT INTO "Reading" (id, "meterId", "takenAt", source, t1, t2, t3, status, "submittedById",
                            "idempotencyKey", "requestHash", "contactPhone", "createdAt")
     VALUES ($1::uuid, $2::uuid, $3::timestamptz, 'CUSTOMER', $4::numeric, $5::numeric, $6::numeric, 'ACTIVE',
             $7::uuid, $8::uuid, $9, $10, $3::timestamptz)
     ON CONFLICT ("submittedById", "idempotencyKey") DO NOTHING
     RETURNING id
   ), replaced AS (
     UPDATE "Reading" SET status = 'REPLACED'
      WHERE "meterId" = $2::uuid AND status = 'ACTIVE' AND source = 'CUSTOMER' AND "takenAt" >= $11::timestamptz
        AND id <> $1::uuid AND EXISTS (SELECT 1 FROM inserted)
      RETURNING id
   )
   SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM replaced)::int AS replaced`,
);
