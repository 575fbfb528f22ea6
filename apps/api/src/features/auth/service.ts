import { randomUUID } from "node:crypto";
import { normalizeLogin, type User } from "@lk/contract";
import { type Database, hashPassword, Prisma, verifyPassword } from "@lk/db";
import type { Clock } from "../../lib/clock.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { hashRefreshToken, newRefreshToken } from "./refresh-tokens.ts";

export interface AuthDeps {
  db: Database;
  clock: Clock;
  refreshTtlDays: number;
  /** Failed sign-ins per login within SIGN_IN_WINDOW_MS before the login is paused. */
  signInFailuresPerLogin: number;
}

export interface OpenedSession {
  user: User;
  familyId: string;
  refreshToken: string;
}

const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/**
 * A rotated refresh token presented again within this interval (two tabs refreshing at once)
 * gets a fresh token instead of revoking the family; later reuse means theft.
 */
export const REUSE_INTERVAL_MS = 10 * 1000;

// Verified against when the login does not exist, so both answers take the same time.
const DUMMY_HASH = hashPassword("dummy-password-for-timing-1");

function toUser(row: { id: string; email: string; phone: string | null; fullName: string; role: User["role"] }): User {
  return { id: row.id, email: row.email, phone: row.phone, fullName: row.fullName, role: row.role };
}

async function openSession(deps: AuthDeps, user: User, familyId: string, userAgent?: string): Promise<OpenedSession> {
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
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const failures = await deps.db.signInAttempt.findMany({
    where: { login, success: false, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (failures.length >= deps.signInFailuresPerLogin) {
    const oldest = failures[failures.length - deps.signInFailuresPerLogin]?.createdAt ?? now;
    const seconds = Math.max(1, Math.ceil((oldest.getTime() + SIGN_IN_WINDOW_MS - now.getTime()) / 1000));
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      `Слишком много неудачных попыток входа. Повторите через ${Math.ceil(seconds / 60)} мин.`,
      { retryAfterSeconds: seconds },
    );
  }
  const user = await deps.db.user.findFirst({ where: login.includes("@") ? { email: login } : { phone: login } });
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await DUMMY_HASH, input.password).then(() => false);
  await deps.db.signInAttempt.create({ data: { login, ip: meta.ip, success: ok, createdAt: now } });
  // One message for "no such user" and "wrong password": the form must not reveal who is registered.
  if (!user || !ok) throw new DomainError("INVALID_CREDENTIALS");
  return openSession(deps, toUser(user), randomUUID(), meta.userAgent);
}

export async function refresh(deps: AuthDeps, token: string | undefined, userAgent?: string): Promise<OpenedSession> {
  if (!token) throw new DomainError("SESSION_EXPIRED");
  const now = deps.clock.now();
  const session = await deps.db.refreshSession.findUnique({
    where: { tokenHash: hashRefreshToken(token) },
    include: { user: true },
  });
  if (!session || session.revokedAt || session.expiresAt <= now) throw new DomainError("SESSION_EXPIRED");
  if (session.rotatedAt) {
    if (now.getTime() - session.rotatedAt.getTime() <= REUSE_INTERVAL_MS) {
      return openSession(deps, toUser(session.user), session.familyId, userAgent);
    }
    await revokeFamily(deps, session.familyId);
    throw new DomainError("SESSION_EXPIRED");
  }
  // Only one caller can rotate a token; a concurrent second one falls into the reuse branch next time.
  const rotated = await deps.db.refreshSession.updateMany({
    where: { id: session.id, rotatedAt: null, revokedAt: null },
    data: { rotatedAt: now },
  });
  if (rotated.count !== 1) return refresh(deps, token, userAgent);
  return openSession(deps, toUser(session.user), session.familyId, userAgent);
}

export async function signOut(deps: AuthDeps, token: string | undefined): Promise<void> {
  if (!token) return;
  const session = await deps.db.refreshSession.findUnique({ where: { tokenHash: hashRefreshToken(token) } });
  if (session) await revokeFamily(deps, session.familyId);
}

async function revokeFamily(deps: AuthDeps, familyId: string): Promise<void> {
  await deps.db.refreshSession.updateMany({
    where: { familyId, revokedAt: null },
    data: { revokedAt: deps.clock.now() },
  });
}

export async function isSessionActive(deps: Pick<AuthDeps, "db" | "clock">, familyId: string): Promise<boolean> {
  // On every authenticated request: one raw indexed lookup (Prisma's query building costs more
  // CPU than the query itself here).
  const rows = await deps.db.$queryRaw<unknown[]>`
    SELECT 1 FROM "RefreshSession"
    WHERE "familyId" = ${familyId}::uuid AND "revokedAt" IS NULL AND "expiresAt" > ${deps.clock.now()}
    LIMIT 1`;
  return rows.length > 0;
}

export async function currentUser(deps: Pick<AuthDeps, "db">, userId: string): Promise<User> {
  const row = await deps.db.user.findUnique({ where: { id: userId } });
  if (!row) throw new DomainError("UNAUTHORIZED");
  return toUser(row);
}
