import type { AccountDetails } from "@lk/contract";
import { type Database, sqlOf, statement } from "@lk/db";
import { DomainError, shortAddressOf } from "@lk/domain";
import { requireActiveSession, sessionActiveSql, type Viewer } from "../auth/session-check.ts";

/** Instants as the contract writes them: UTC with milliseconds. */
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The account page in one query: the session (is it still open), the link (the authorization),
 * the account, its supplier, the last bill, the last accepted payment and the meters with their
 * last readings, written as the contract's JSON by PostgreSQL. It is the most-read page: one round
 * trip, a prepared statement (PostgreSQL plans it once per connection: planning was three
 * quarters of its cost), and the JSON goes to the customer as PostgreSQL wrote it, with only the
 * short address added (a domain rule), never parsed and written again. Exported for the
 * benchmark's minimal server, which runs the same SQL. $1 user, $2 account, $3 session family, $4 now.
 */
export const ACCOUNT_PAGE_SQL = `SELECT ${sessionActiveSql("$3", "$4")} AS "sessionActive", page.address, page.body
  FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT a.address, json_build_object(
       'id', a.id, 'number', a.number, 'address', a.address, 'isPrimary', l."isPrimary", 'nickname', l.nickname,
       'balanceKopecks', a."balanceKopecks",
       'supplier', json_build_object('id', s.id, 'name', s.name, 'shortName', s."shortName"),
       'ownerName', a."ownerName", 'residents', a.residents, 'rooms', a.rooms,
       'totalArea', a."totalArea"::text, 'livingArea', a."livingArea"::text,
       'tariffPlan', a."tariffPlan", 'debtSince', to_char(a."debtSince", 'YYYY-MM-DD'),
       'lastBill', (SELECT json_build_object(
                 'id', b.id, 'period', to_char(b.period, 'YYYY-MM'),
                 'issuedAt', to_char(b."issuedAt" AT TIME ZONE 'UTC', ${ISO}),
                 'dueDate', to_char(b."dueDate", 'YYYY-MM-DD'),
                 'openingKopecks', b."openingKopecks", 'chargesKopecks', b."chargesKopecks",
                 'totalKopecks', b."totalKopecks")
          FROM "Bill" b WHERE b."accountId" = a.id ORDER BY b.period DESC LIMIT 1),
       'lastPayment', (SELECT json_build_object(
                 'paidAt', to_char(p."paidAt" AT TIME ZONE 'UTC', ${ISO}), 'amountKopecks', p."amountKopecks")
          FROM "Payment" p WHERE p."accountId" = a.id AND p.status = 'ACCEPTED'
          ORDER BY p."paidAt" DESC LIMIT 1),
       'meters', (SELECT coalesce(json_agg(json_build_object(
                 'id', m.id, 'serialNumber', m."serialNumber", 'model', m.model, 'zones', m.zones,
                 'digitCapacity', m."digitCapacity", 'decimalPlaces', m."decimalPlaces",
                 'installedAt', to_char(m."installedAt", 'YYYY-MM-DD'),
                 'verificationDue', to_char(m."verificationDue", 'YYYY-MM-DD'),
                 'automated', m.automated, 'faulty', m.faulty,
                 'lastReading', (
                   SELECT json_build_object(
                     'takenAt', to_char(r."takenAt" AT TIME ZONE 'UTC', ${ISO}), 'source', r.source,
                     -- An unused zone column is NULL: it shows as 0, as the meter writes it.
                     'values', (SELECT json_agg(json_build_object('zone', z.zone,
                                  'value', round(coalesce(CASE z.zone WHEN 'T1' THEN r.t1 WHEN 'T2' THEN r.t2 ELSE r.t3 END, 0),
                                                 m."decimalPlaces")::text) ORDER BY z.n)
                                FROM unnest(m.zones::text[]) WITH ORDINALITY AS z(zone, n)))
                   FROM "Reading" r WHERE r."meterId" = m.id ORDER BY r."takenAt" DESC LIMIT 1)
               ) ORDER BY m."serialNumber"), '[]'::json)
          FROM "Meter" m WHERE m."accountId" = a.id)
     )::text AS body
     FROM "AccountLink" l
     JOIN "PersonalAccount" a ON a.id = l."accountId"
     JOIN "Supplier" s ON s.id = a."supplierId"
     WHERE l."userId" = $1::uuid AND l."accountId" = $2::uuid) AS page ON true`;

const accountPage = statement<
  [userId: string, accountId: string, sessionId: string, now: Date],
  { sessionActive: boolean; address: string | null; body: string | null }
>("accounts.page", ACCOUNT_PAGE_SQL);

/** The account page as the contract's JSON text (see ACCOUNT_PAGE_SQL). */
export async function accountPageJson(db: Database, viewer: Viewer, accountId: string): Promise<string> {
  const [found] = await sqlOf(db).query(accountPage, [viewer.userId, accountId, viewer.sessionId, viewer.now]);
  requireActiveSession(found?.sessionActive);
  if (!found?.body || found.address === null) throw new DomainError("NOT_FOUND", "Лицевой счёт не найден.");
  return `{"shortAddress":${JSON.stringify(shortAddressOf(found.address))},${found.body.slice(1)}`;
}

/** The account page as an object (tests, and whoever needs its fields). */
export async function readAccountPage(db: Database, viewer: Viewer, accountId: string): Promise<AccountDetails> {
  return JSON.parse(await accountPageJson(db, viewer, accountId)) as AccountDetails;
}
