import { passwordResetMessage, passwordResetNoAccountMessage } from "@lk/contract";
import { type Database, hashPassword } from "@lk/db";
import { allowPasswordReset, DomainError, requireUsableLink, resetLimitSince } from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { enqueue } from "../outbox/outbox.ts";
import { hashRefreshToken, newRefreshToken } from "./refresh-tokens.ts";

export interface PasswordResetDeps {
  db: Database;
  clock: Clock;
  /** The address customers open (for the link in the mail). */
  publicUrl: () => string;
}

/**
 * «Забыли пароль?». The answer is the same whether or not the address is registered, and so is the
 * work behind it: the same lookup, lock, count, token row and letter (for an unknown address a
 * token nobody can use and a letter saying there is no account), so neither the answer nor its
 * timing tells who is registered. A known address gets a single-use link (only its hash is stored)
 * valid for an hour.
 */
export async function requestPasswordReset(deps: PasswordResetDeps, email: string): Promise<void> {
  const now = deps.clock.now();
  const user = await deps.db.user.findUnique({ where: { email }, select: { id: true } });
  await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reset:${email}`}))`;
    const recent = await tx.passwordResetToken.count({ where: { email, createdAt: { gt: resetLimitSince(now) } } });
    const allowed = allowPasswordReset(recent, now);
    if (!allowed) return;
    const token = newRefreshToken();
    await tx.passwordResetToken.create({
      data: {
        email,
        tokenHash: hashRefreshToken(token),
        expiresAt: allowed.expiresAt,
        createdAt: now,
      },
    });
    const link = (path: string) => new URL(path, deps.publicUrl()).toString();
    await enqueue(
      tx,
      user
        ? passwordResetMessage(email, link(`/reset-password?token=${token}`))
        : passwordResetNoAccountMessage(email, link("/register")),
    );
  });
}

/**
 * A new password by the link, for whoever has the link's address: the link is spent (with every
 * other link to that address), every session of the user ends, sign-in delays lift.
 */
export async function confirmPasswordReset(
  deps: PasswordResetDeps,
  input: { token: string; password: string },
): Promise<void> {
  const now = deps.clock.now();
  const row = requireUsableLink(
    await deps.db.passwordResetToken.findUnique({ where: { tokenHash: hashRefreshToken(input.token) } }),
    now,
    "RESET_TOKEN_INVALID",
  );
  const user = await deps.db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  if (!user) throw new DomainError("RESET_TOKEN_INVALID");
  const userId = user.id;
  const passwordHash = await hashPassword(input.password);
  await deps.db.$transaction(async (tx) => {
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw new DomainError("RESET_TOKEN_INVALID");
    await tx.passwordResetToken.updateMany({ where: { email: row.email, usedAt: null }, data: { usedAt: now } });
    // The link proves the mailbox, so the address counts as confirmed.
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } });
    await tx.user.updateMany({ where: { id: userId, emailConfirmedAt: null }, data: { emailConfirmedAt: now } });
    await tx.refreshSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  });
}
