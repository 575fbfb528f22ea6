import { statement } from "@lk/db";
import { USUAL_USE_BILLS, type Zone } from "@lk/domain";
import { sessionActiveSql } from "../auth/session-check.ts";

// The readings feature's SQL: fixed texts, run as prepared statements (decision 005). Each
// statement says which of the service's questions it answers; the answers are decided in
// @lk/domain. Values come back as thousandths (integers), as the domain counts them.

/** A supplier's reading window rule and the account's facts the checks need. */
interface AccountFacts {
  sessionActive: boolean;
  accountId: string | null;
  tariffPlan: string;
  startDay: number;
  endDay: number;
  timeZone: string;
  meterCount: number;
  /** The latest bills (at most USUAL_USE_BILLS) and the kWh they charged, thousandths. */
  usualBills: number;
  usualMilli: number;
  rates: { zone: Zone; rateKopecks: number }[];
}

export interface MeterFacts {
  id: string;
  serialNumber: string;
  model: string;
  zones: Zone[];
  digitCapacity: number;
  decimalPlaces: number;
  automated: boolean;
  faulty: boolean;
}

// $1 user, $2 account, $3 session family, $4 now, $5 today's date (UTC day, as tariffs are dated).
const ACCOUNT_FACTS = `
  a.id AS "accountId", a."tariffPlan"::text AS "tariffPlan",
  s."readingWindowStartDay" AS "startDay", s."readingWindowEndDay" AS "endDay", s."timeZone",
  (SELECT count(*) FROM "Meter" mm WHERE mm."accountId" = a.id)::int AS "meterCount",
  usual.bills AS "usualBills", usual.milli AS "usualMilli",
  (SELECT coalesce(json_agg(json_build_object('zone', t.zone, 'rateKopecks', t."rateKopecks") ORDER BY t.zone), '[]'::json)
     FROM "Tariff" t
    WHERE t."supplierId" = a."supplierId" AND t.plan = a."tariffPlan"
      AND t."validFrom" <= $5::date AND (t."validTo" IS NULL OR t."validTo" >= $5::date)) AS rates`;
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

/** The readings page: the session, the link, the account's facts and its meters. */
export const stateContext = statement<
  [userId: string, accountId: string, sessionId: string, now: Date, day: string],
  AccountFacts & { meters: MeterFacts[] }
>(
  "readings.state-context",
  `SELECT ${sessionActiveSql("$3", "$4")} AS "sessionActive", c.*
     FROM (SELECT 1) AS one LEFT JOIN LATERAL (
       SELECT ${ACCOUNT_FACTS},
              (SELECT coalesce(json_agg(json_build_object(
                        'id', m.id, 'serialNumber', m."serialNumber", 'model', m.model, 'zones', m.zones,
                        'digitCapacity', m."digitCapacity", 'decimalPlaces', m."decimalPlaces",
                        'automated', m.automated, 'faulty', m.faulty) ORDER BY m."serialNumber"), '[]'::json)
                 FROM "Meter" m WHERE m."accountId" = a.id) AS meters
       ${linkedAccount()}) AS c ON true`,
);

/**
 * A submission's context, with the meter's row locked (FOR UPDATE) until the transaction ends:
 * submissions for one meter are serialised, and whatever is read after this statement sees what
 * the one before committed. $6 the meter.
 */
export const submitContext = statement<
  [userId: string, accountId: string, sessionId: string, now: Date, day: string, meterId: string],
  AccountFacts & { meter: MeterFacts | null }
>(
  "readings.submit-context",
  `SELECT ${sessionActiveSql("$3", "$4")} AS "sessionActive", c.*
     FROM (SELECT 1) AS one LEFT JOIN LATERAL (
       SELECT ${ACCOUNT_FACTS},
              CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object(
                'id', m.id, 'serialNumber', m."serialNumber", 'model', m.model, 'zones', m.zones,
                'digitCapacity', m."digitCapacity", 'decimalPlaces', m."decimalPlaces",
                'automated', m.automated, 'faulty', m.faulty) END AS meter
       ${linkedAccount(
         `LEFT JOIN LATERAL (SELECT * FROM "Meter" WHERE id = $6::uuid AND "accountId" = a.id FOR UPDATE) AS m ON true`,
       )}) AS c ON true`,
);

export interface ReadingFacts {
  kind: "previous" | "thisWindow" | "existing";
  id: string;
  meterId: string;
  takenAt: Date;
  source: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
  requestHash: string | null;
}

const READING_COLUMNS = `id, "meterId", "takenAt", source::text AS source,
  round(t1 * 1000)::float8 AS t1, round(t2 * 1000)::float8 AS t2, round(t3 * 1000)::float8 AS t3, "requestHash"`;

/**
 * Per meter: the last active reading before the window opened ("previous"), and the customer's
 * active one since ("thisWindow"); and the reading a customer sent with an idempotency key
 * ("existing", none when $4 is null). $1 meters, $2 the window's opening, $3 user, $4 key.
 */
export const meterReadings = statement<
  [meterIds: string[], windowOpening: Date, userId: string, idempotencyKey: string | null],
  ReadingFacts
>(
  "readings.meter-readings",
  `SELECT 'previous' AS kind, r.* FROM unnest($1::uuid[]) AS meter(id) CROSS JOIN LATERAL (
     SELECT ${READING_COLUMNS} FROM "Reading"
      WHERE "meterId" = meter.id AND status = 'ACTIVE' AND "takenAt" < $2::timestamptz
      ORDER BY "takenAt" DESC LIMIT 1) AS r
   UNION ALL
   SELECT 'thisWindow', r.* FROM unnest($1::uuid[]) AS meter(id) CROSS JOIN LATERAL (
     SELECT ${READING_COLUMNS} FROM "Reading"
      WHERE "meterId" = meter.id AND status = 'ACTIVE' AND source = 'CUSTOMER' AND "takenAt" >= $2::timestamptz
      ORDER BY "takenAt" DESC LIMIT 1) AS r
   UNION ALL
   SELECT 'existing', ${READING_COLUMNS} FROM "Reading"
    WHERE "submittedById" = $3::uuid AND "idempotencyKey" = $4::uuid`,
);

/**
 * The new reading, and this window's previous one marked replaced, in one statement. A key the
 * customer used already (a retry that raced the first) inserts nothing and replaces nothing.
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
    replaces: string | null,
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
      WHERE id = $11::uuid AND status = 'ACTIVE' AND EXISTS (SELECT 1 FROM inserted)
      RETURNING id
   )
   SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM replaced)::int AS replaced`,
);
