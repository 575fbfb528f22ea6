import type { AccountDetails } from "@lk/contract";
import { type Database, sqlOf, statement } from "@lk/db";
import { shortAddressOf } from "@lk/domain";
import { DomainError } from "../../lib/domain-error.ts";
import { requireActiveSession, sessionActiveSql, type Viewer } from "../auth/session-check.ts";

/** Instants as the contract writes them: UTC with milliseconds. */
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

type Row = Omit<AccountDetails, "shortAddress" | "supplier"> & {
  supplierId: string;
  supplierName: string;
  supplierShortName: string;
};

/**
 * The account page in one query: the session (is it still open), the link (the authorization),
 * the account, its supplier, the last bill, the last accepted payment and the meters with their
 * last readings, assembled as JSON by PostgreSQL. It is the most-read page: one round trip, and a
 * prepared statement, so PostgreSQL plans it once per connection (planning was three quarters of
 * its cost, docs/performance.md). Exported for the benchmark's minimal server, which runs the
 * same SQL. Parameters: $1 user, $2 account, $3 session family, $4 now.
 */
export const ACCOUNT_PAGE_SQL = `SELECT ${sessionActiveSql("$3", "$4")} AS "sessionActive", page.*
  FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT
       a.id, a.number, a.address, l."isPrimary", a."balanceKopecks",
       s.id AS "supplierId", s.name AS "supplierName", s."shortName" AS "supplierShortName",
       a."ownerName", a.residents, a.rooms, a."totalArea"::text AS "totalArea", a."livingArea"::text AS "livingArea",
       a."tariffPlan"::text AS "tariffPlan", to_char(a."debtSince", 'YYYY-MM-DD') AS "debtSince",
       (SELECT json_build_object(
                 'id', b.id, 'period', to_char(b.period, 'YYYY-MM'),
                 'issuedAt', to_char(b."issuedAt" AT TIME ZONE 'UTC', ${ISO}),
                 'dueDate', to_char(b."dueDate", 'YYYY-MM-DD'),
                 'openingKopecks', b."openingKopecks", 'chargesKopecks', b."chargesKopecks",
                 'totalKopecks', b."totalKopecks")
          FROM "Bill" b WHERE b."accountId" = a.id ORDER BY b.period DESC LIMIT 1) AS "lastBill",
       (SELECT json_build_object(
                 'paidAt', to_char(p."paidAt" AT TIME ZONE 'UTC', ${ISO}), 'amountKopecks', p."amountKopecks")
          FROM "Payment" p WHERE p."accountId" = a.id AND p.status = 'ACCEPTED'
          ORDER BY p."paidAt" DESC LIMIT 1) AS "lastPayment",
       (SELECT coalesce(json_agg(json_build_object(
                 'id', m.id, 'serialNumber', m."serialNumber", 'model', m.model, 'zones', m.zones,
                 'digitCapacity', m."digitCapacity", 'decimalPlaces', m."decimalPlaces",
                 'installedAt', to_char(m."installedAt", 'YYYY-MM-DD'),
                 'verificationDue', to_char(m."verificationDue", 'YYYY-MM-DD'),
                 'automated', m.automated, 'faulty', m.faulty,
                 'lastReading', (
                   SELECT json_build_object(
                     'takenAt', to_char(r."takenAt" AT TIME ZONE 'UTC', ${ISO}), 'source', r.source,
                     'values', (SELECT json_agg(json_build_object('zone', z.zone,
                                  'value', round(CASE z.zone WHEN 'T1' THEN r.t1 WHEN 'T2' THEN r.t2 ELSE r.t3 END,
                                                 m."decimalPlaces")::text) ORDER BY z.n)
                                FROM unnest(m.zones::text[]) WITH ORDINALITY AS z(zone, n)))
                   FROM "Reading" r WHERE r."meterId" = m.id ORDER BY r."takenAt" DESC LIMIT 1)
               ) ORDER BY m."serialNumber"), '[]'::json)
          FROM "Meter" m WHERE m."accountId" = a.id) AS meters
     FROM "AccountLink" l
     JOIN "PersonalAccount" a ON a.id = l."accountId"
     JOIN "Supplier" s ON s.id = a."supplierId"
     WHERE l."userId" = $1::uuid AND l."accountId" = $2::uuid) AS page ON true`;

const accountPage = statement<
  [userId: string, accountId: string, sessionId: string, now: Date],
  { sessionActive: boolean } & (Row | { [K in keyof Row]: null })
>("accounts.page", ACCOUNT_PAGE_SQL);

export async function readAccountPage(db: Database, viewer: Viewer, accountId: string): Promise<AccountDetails> {
  const [found] = await sqlOf(db).query(accountPage, [viewer.userId, accountId, viewer.sessionId, viewer.now]);
  requireActiveSession(found?.sessionActive);
  const { sessionActive: _, ...row } = found as NonNullable<typeof found>;
  if (row.id === null) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  const { supplierId, supplierName, supplierShortName, ...account } = row as Row;
  return {
    ...account,
    shortAddress: shortAddressOf(account.address),
    supplier: { id: supplierId, name: supplierName, shortName: supplierShortName },
    // An unused zone column is NULL: the Prisma mapping showed 0 for it.
    meters: account.meters.map((meter) =>
      meter.lastReading
        ? {
            ...meter,
            lastReading: {
              ...meter.lastReading,
              values: meter.lastReading.values.map((v) => ({
                ...v,
                value: v.value ?? (0).toFixed(meter.decimalPlaces),
              })),
            },
          }
        : meter,
    ),
  };
}
