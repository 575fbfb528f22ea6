import { type Database, hashPassword } from "@lk/db";
import type { Clock } from "../../lib/clock.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { passwordResetMessage } from "../outbox/messages.ts";
import { enqueue } from "../outbox/outbox.ts";
import { hashRefreshToken, newRefreshToken } from "./refresh-tokens.ts";

export const RESET_TTL_MS = 60 * 60 * 1000;
/** Reset mails per address per hour; more requests are answered the same and send nothing. */
export const RESETS_PER_HOUR = 3;

export interface PasswordResetDeps {
  db: Database;
  clock: Clock;
  /** The address customers open (for the link in the mail). */
  publicUrl: () => string;
}

/**
 * «Забыли пароль?». The answer is the same whether or not the address is registered; a known
 * address gets a single-use link (only its hash is stored) valid for an hour.
 */
export async function requestPasswordReset(deps: PasswordResetDeps, email: string): Promise<void> {
  const now = deps.clock.now();
  const user = await deps.db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return;
  await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reset:${user.id}`}))`;
    const recent = await tx.passwordResetToken.count({
      where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - 60 * 60 * 1000) } },
    });
    if (recent >= RESETS_PER_HOUR) return;
    const token = newRefreshToken();
    await tx.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash: hashRefreshToken(token),
        expiresAt: new Date(now.getTime() + RESET_TTL_MS),
        createdAt: now,
      },
    });
    const link = new URL(`/reset-password?token=${token}`, deps.publicUrl()).toString();
    await enqueue(tx, passwordResetMessage(user.email, link));
  });
}

/** A new password by the link: the link is spent, every session of the user ends. */
export async function confirmPasswordReset(
  deps: PasswordResetDeps,
  input: { token: string; password: string },
): Promise<void> {
  const now = deps.clock.now();
  const row = await deps.db.passwordResetToken.findUnique({ where: { tokenHash: hashRefreshToken(input.token) } });
  if (!row || row.usedAt || row.expiresAt <= now) throw new DomainError("RESET_TOKEN_INVALID");
  const passwordHash = await hashPassword(input.password);
  await deps.db.$transaction(async (tx) => {
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw new DomainError("RESET_TOKEN_INVALID");
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    // The link proves the mailbox, so the address counts as confirmed.
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await tx.user.updateMany({ where: { id: row.userId, emailConfirmedAt: null }, data: { emailConfirmedAt: now } });
    await tx.refreshSession.updateMany({ where: { userId: row.userId, revokedAt: null }, data: { revokedAt: now } });
  });
}
