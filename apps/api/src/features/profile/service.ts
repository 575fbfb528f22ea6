import type { Profile } from "@lk/contract";
import { type Database, hashPassword, verifyPassword } from "@lk/db";
import type { Clock } from "../../lib/clock.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { passwordChangedMessage } from "../outbox/messages.ts";
import { enqueue } from "../outbox/outbox.ts";

export interface ProfileDeps {
  db: Database;
  clock: Clock;
}

const profileSelect = { fullName: true, email: true, emailConfirmedAt: true, phone: true, newsletter: true } as const;

function toProfile(row: {
  fullName: string;
  email: string;
  emailConfirmedAt: Date | null;
  phone: string | null;
  newsletter: boolean;
}): Profile {
  return {
    fullName: row.fullName,
    email: row.email,
    emailConfirmed: row.emailConfirmedAt !== null,
    phone: row.phone,
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
 * A new password, given the current one. Every other session (other browsers, a stolen
 * refresh token) ends; the one that changed the password stays open.
 */
export async function changePassword(
  deps: ProfileDeps,
  session: { userId: string; familyId: string },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await deps.db.user.findUnique({ where: { id: session.userId } });
  if (!user) throw new DomainError("UNAUTHORIZED");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("WRONG_PASSWORD", undefined, {
      location: "body",
      fields: [{ path: "currentPassword", message: "Текущий пароль введён неверно." }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.refreshSession.updateMany({
      where: { userId: user.id, familyId: { not: session.familyId }, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await enqueue(tx, passwordChangedMessage(user.email));
  });
}
