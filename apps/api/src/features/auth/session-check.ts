import { type Database, sqlOf, statement } from "@lk/db";
import { DomainError } from "@lk/domain";
import type { FastifyRequest } from "fastify";
import type { Clock } from "../../lib/clock.ts";

/** Who is asking: the token's user and session, and the time the session must be open at. */
export interface Viewer {
  userId: string;
  sessionId: string;
  now: Date;
}

/** The viewer of a request whose access token was verified. */
export function viewerOf(request: FastifyRequest, clock: Clock): Viewer {
  return { userId: request.user.sub, sessionId: request.user.sid, now: clock.now() };
}

/**
 * Whether the access token's session family is still open (not signed out, not revoked, not
 * expired), as SQL: `$sid` and `$now` name the statement's parameters. The hot routes fold it into
 * their own query (one round trip instead of two); every other route runs `sessionIsActive`.
 */
export const sessionActiveSql = (sid: string, now: string) =>
  `EXISTS (SELECT 1 FROM "RefreshSession"
           WHERE "familyId" = ${sid}::uuid AND "revokedAt" IS NULL AND "expiresAt" > ${now}::timestamptz)`;

const sessionActive = statement<[sid: string, now: Date], { active: boolean }>(
  "auth.session-active",
  `SELECT ${sessionActiveSql("$1", "$2")} AS active`,
);

export async function sessionIsActive(db: Database, familyId: string, now: Date): Promise<boolean> {
  const [row] = await sqlOf(db).query(sessionActive, [familyId, now]);
  return row?.active === true;
}

/** For a route whose query checked the session itself: an ended session is 401, as everywhere. */
export function requireActiveSession(active: boolean | undefined): void {
  if (active !== true) throw new DomainError("UNAUTHORIZED");
}
