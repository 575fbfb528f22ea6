import { randomUUID } from "node:crypto";
import { type Profile, passwordChangedMessage } from "@lk/contract";
import { type Database, hashPassword } from "@lk/db";
import { DomainError } from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { type OpenedSession, openSession, verifyCurrentPassword } from "../auth/service.ts";
import { enqueue } from "../outbox/outbox.ts";

export interface ProfileDeps {
  db: Database;
  clock: Clock;
  /** The address customers open (links in letters). */
  publicUrl: () => string;
  refreshTtlDays: number;
  /** The sign-in delays apply to the current password typed here too. */
  signInFailuresPerLogin: number;
}

const profileSelect = {
  fullName: true,
  email: true,
  emailConfirmedAt: true,
  phone: true,
  phoneConfirmedAt: true,
  newsletter: true,
} as const;

function toProfile(row: {
  fullName: string;
  email: string;
  emailConfirmedAt: Date | null;
  phone: string | null;
  phoneConfirmedAt: Date | null;
  newsletter: boolean;
}): Profile {
  return {
    fullName: row.fullName,
    email: row.email,
    emailConfirmed: row.emailConfirmedAt !== null,
    phone: row.phone,
    phoneConfirmed: row.phone !== null && row.phoneConfirmedAt !== null,
    newsletter: row.newsletter,
  };
}

export async function getProfile(db: Database, userId: string): Promise<Profile> {
  const row = await db.user.findUnique({ where: { id: userId }, select: profileSelect });
  if (!row) throw new DomainError("UNAUTHORIZED");
  return toProfile(row);
}

/** Only the name and the newsletter consent change here; e-mail and phone need a code. */
export async function updateProfile(
  db: Database,
  userId: string,
  input: { fullName?: string | undefined; newsletter?: boolean | undefined },
): Promise<Profile> {
  const row = await db.user.update({
    where: { id: userId },
    data: {
      ...(input.fullName !== undefined ? { fullName: input.fullName } : {}),
      ...(input.newsletter !== undefined ? { newsletter: input.newsletter } : {}),
    },
    select: profileSelect,
  });
  return toProfile(row);
}

/**
 * A new password, given the current one (tried under the sign-in delays). Every session ends,
 * this one too: a thief holding a copy of this browser's refresh token loses it. The customer's
 * browser continues in a new session, returned here.
 */
export async function changePassword(
  deps: ProfileDeps,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  meta: { ip: string; userAgent?: string },
): Promise<OpenedSession> {
  const user = await deps.db.user.findUnique({ where: { id: userId } });
  if (!user) throw new DomainError("UNAUTHORIZED");
  await verifyCurrentPassword(deps, user, input.currentPassword, meta.ip);
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
    await tx.refreshSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.passwordResetToken.updateMany({ where: { email: user.email, usedAt: null }, data: { usedAt: now } });
    await enqueue(tx, passwordChangedMessage(user.email, new URL("/forgot-password", deps.publicUrl()).toString()));
  });
  return openSession(
    deps,
    { id: user.id, email: user.email, phone: user.phone, fullName: user.fullName, role: user.role },
    randomUUID(),
    meta.userAgent,
  );
}
