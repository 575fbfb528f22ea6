import { randomUUID } from "node:crypto";
import { normalizeLogin, type User } from "@lk/contract";
import { type Database, hashPassword, Prisma, verifyPassword } from "@lk/db";
import { DomainError, SIGN_IN_POLICY, type SignInPolicy } from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { hashRefreshToken, newRefreshToken, successorOf } from "./refresh-tokens.ts";
import { sessionIsActive } from "./session-check.ts";
import { settleAttempt, takeAttempt } from "./sign-in-attempts.ts";

export interface AuthDeps {
  db: Database;
  clock: Clock;
  refreshTtlDays: number;
  /** Failures per login (from everywhere) in the hour before unknown addresses wait (SIGN_IN_POLICY). */
  signInFailuresPerLogin: number;
  /** Server secret the successor of a refresh token is derived with (see refresh()). */
  tokenKey: string;
}

export interface OpenedSession {
  user: User;
  familyId: string;
  refreshToken: string;
}

/**
 * A rotated refresh token presented again within this interval (two tabs refreshing at once)
 * gets the same successor the first use got, never a second chain; later reuse means theft.
 */
export const REUSE_INTERVAL_MS = 10 * 1000;

const policyOf = (deps: Pick<AuthDeps, "signInFailuresPerLogin">): SignInPolicy => ({
  ...SIGN_IN_POLICY,
  freeFailuresPerLogin: deps.signInFailuresPerLogin,
});

// Verified against when the login does not exist, so both answers take the same time.
const DUMMY_HASH = hashPassword("dummy-password-for-timing-1");

function toUser(row: { id: string; email: string; phone: string | null; fullName: string; role: User["role"] }): User {
  return { id: row.id, email: row.email, phone: row.phone, fullName: row.fullName, role: row.role };
}

export async function openSession(
  deps: Pick<AuthDeps, "db" | "clock" | "refreshTtlDays">,
  user: User,
  familyId: string,
  userAgent?: string,
): Promise<OpenedSession> {
  const refreshToken = newRefreshToken();
  await deps.db.refreshSession.create({
    data: {
      userId: user.id,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: new Date(deps.clock.now().getTime() + deps.refreshTtlDays * 86_400_000),
      userAgent: userAgent?.slice(0, 300),
    },
  });
  return { user, familyId, refreshToken };
}

export async function register(
  deps: AuthDeps,
  input: { email: string; phone?: string | undefined; fullName: string; password: string },
  userAgent?: string,
): Promise<OpenedSession> {
  const [byEmail, byPhone] = await Promise.all([
    deps.db.user.findUnique({ where: { email: input.email }, select: { id: true } }),
    input.phone ? deps.db.user.findUnique({ where: { phone: input.phone }, select: { id: true } }) : null,
  ]);
  if (byEmail) throw takenError("EMAIL_TAKEN", "email");
  if (byPhone) throw takenError("PHONE_TAKEN", "phone");
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await deps.db.user.create({
      data: { email: input.email, phone: input.phone ?? null, fullName: input.fullName, passwordHash },
    });
    return await openSession(deps, toUser(row), randomUUID(), userAgent);
  } catch (error) {
    // Two registrations racing for one address: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      throw target.includes("phone") ? takenError("PHONE_TAKEN", "phone") : takenError("EMAIL_TAKEN", "email");
    }
    throw error;
  }
}

function takenError(code: "EMAIL_TAKEN" | "PHONE_TAKEN", path: string): DomainError {
  const message =
    code === "EMAIL_TAKEN"
      ? "Этот адрес электронной почты уже зарегистрирован."
      : "Этот номер телефона уже зарегистрирован.";
  return new DomainError(code, undefined, { location: "body", fields: [{ path, message }] });
}

export async function signIn(
  deps: AuthDeps,
  input: { login: string; password: string },
  meta: { ip: string; userAgent?: string },
): Promise<OpenedSession> {
  const login = normalizeLogin(input.login);
  const now = deps.clock.now();
  const user = await deps.db.user.findFirst({ where: login.includes("@") ? { email: login } : { phone: login } });
  const attempt = await takeAttempt(
    deps.db,
    { login, userId: user?.id ?? null, passwordChangedAt: user?.passwordChangedAt ?? null },
    meta.ip,
    now,
    policyOf(deps),
  );
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await DUMMY_HASH, input.password).then(() => false);
  // One message for "no such user" and "wrong password": the form must not reveal who is registered.
  if (!user || !ok) throw new DomainError("INVALID_CREDENTIALS");
  await settleAttempt(deps.db, attempt);
  return openSession(deps, toUser(user), randomUUID(), meta.userAgent);
}

/**
 * The current password of a signed-in customer, before their login or password changes: tried
 * under the same delays as sign-in (a stolen access token is no better for guessing it).
 */
export async function verifyCurrentPassword(
  deps: Pick<AuthDeps, "db" | "clock" | "signInFailuresPerLogin">,
  user: { id: string; email: string; passwordHash: string; passwordChangedAt: Date | null },
  password: string | undefined,
  ip: string,
): Promise<void> {
  if (!password) {
    throw new DomainError("VALIDATION_FAILED", "Введите текущий пароль.", {
      location: "body",
      fields: [{ path: "currentPassword", message: "Введите текущий пароль." }],
    });
  }
  const attempt = await takeAttempt(
    deps.db,
    { login: user.email, userId: user.id, passwordChangedAt: user.passwordChangedAt },
    ip,
    deps.clock.now(),
    policyOf(deps),
  );
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new DomainError("WRONG_PASSWORD", undefined, {
      location: "body",
      fields: [{ path: "currentPassword", message: "Текущий пароль введён неверно." }],
    });
  }
  await settleAttempt(deps.db, attempt);
}

/**
 * A new access token for the refresh cookie; the cookie is rotated on every use. The successor of
 * a token is derived from it with the server's key, so a token presented again within the grace
 * (two tabs at once) gets the very same successor: one chain per sign-in, never a fork. After the
 * grace a rotated token means theft, and the whole family ends.
 */
export async function refresh(deps: AuthDeps, token: string | undefined, userAgent?: string): Promise<OpenedSession> {
  if (!token) throw new DomainError("SESSION_EXPIRED");
  const now = deps.clock.now();
  const session = await deps.db.refreshSession.findUnique({
    where: { tokenHash: hashRefreshToken(token) },
    include: { user: true },
  });
  if (!session || session.revokedAt || session.expiresAt <= now) throw new DomainError("SESSION_EXPIRED");
  const successor = successorOf(token, deps.tokenKey);
  if (!session.rotatedAt) {
    // Rotation and the successor in one statement: a concurrent refresh waits on the row, then
    // finds it rotated and the successor written.
    const created = await deps.db.$executeRaw`
      WITH rotated AS (
        UPDATE "RefreshSession" SET "rotatedAt" = ${now}
        WHERE id = ${session.id}::uuid AND "rotatedAt" IS NULL AND "revokedAt" IS NULL
        RETURNING "userId", "familyId"
      )
      INSERT INTO "RefreshSession" (id, "userId", "familyId", "tokenHash", "expiresAt", "userAgent", "createdAt")
      SELECT gen_random_uuid(), "userId", "familyId", ${hashRefreshToken(successor)},
             ${new Date(now.getTime() + deps.refreshTtlDays * 86_400_000)}, ${userAgent?.slice(0, 300) ?? null}, ${now}
      FROM rotated`;
    if (created === 1) return { user: toUser(session.user), familyId: session.familyId, refreshToken: successor };
  }
  const rotatedAt = session.rotatedAt ?? now;
  if (now.getTime() - rotatedAt.getTime() > REUSE_INTERVAL_MS) {
    await revokeFamily(deps, session.familyId);
    throw new DomainError("SESSION_EXPIRED");
  }
  // Within the grace: the live end of the chain the first use started (a tab may have refreshed
  // again meanwhile), walking only links that were themselves rotated within the grace.
  let current = successor;
  for (let step = 0; step < 5; step++) {
    const next = await deps.db.refreshSession.findUnique({ where: { tokenHash: hashRefreshToken(current) } });
    if (!next || next.revokedAt || next.expiresAt <= now) break;
    if (!next.rotatedAt) return { user: toUser(session.user), familyId: session.familyId, refreshToken: current };
    if (now.getTime() - next.rotatedAt.getTime() > REUSE_INTERVAL_MS) break;
    current = successorOf(current, deps.tokenKey);
  }
  throw new DomainError("SESSION_EXPIRED");
}

export async function signOut(deps: AuthDeps, token: string | undefined): Promise<void> {
  if (!token) return;
  const session = await deps.db.refreshSession.findUnique({ where: { tokenHash: hashRefreshToken(token) } });
  if (session) await revokeFamily(deps, session.familyId);
}

async function revokeFamily(deps: Pick<AuthDeps, "db" | "clock">, familyId: string): Promise<void> {
  await deps.db.refreshSession.updateMany({
    where: { familyId, revokedAt: null },
    data: { revokedAt: deps.clock.now() },
  });
}

export async function isSessionActive(deps: Pick<AuthDeps, "db" | "clock">, familyId: string): Promise<boolean> {
  // On every authenticated request: one prepared statement (features/auth/session-check.ts).
  return sessionIsActive(deps.db, familyId, deps.clock.now());
}

export async function currentUser(deps: Pick<AuthDeps, "db">, userId: string): Promise<User> {
  const row = await deps.db.user.findUnique({ where: { id: userId } });
  if (!row) throw new DomainError("UNAUTHORIZED");
  return toUser(row);
}
