import {
  type ContactChangeUndone,
  type ContactKind,
  contactChangedNotices,
  UNDO_TAKEN_MESSAGE,
  UNDO_VALID_DAYS,
} from "@lk/contract";
import { type Database, hashPassword, Prisma } from "@lk/db";
import { DomainError, requireUsableLink, resetLinkExpiry, rollbackFrom, undoLinkExpiry } from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { hashRefreshToken, newRefreshToken } from "../auth/refresh-tokens.ts";
import { enqueue } from "../outbox/outbox.ts";

interface Change {
  kind: ContactKind;
  previous: string | null;
  previousConfirmed: boolean;
  current: string;
}

/**
 * A login changed (in the caller's transaction): a single-use link, stored hashed, that puts the
 * previous value back, and notices with it to where the customer can still be reached: the
 * previous e-mail for an e-mail change; for a phone change the e-mail and the previous phone.
 */
export async function recordContactChange(
  tx: Prisma.TransactionClient,
  deps: { clock: Clock; publicUrl: () => string },
  user: { id: string; email: string },
  change: Change,
): Promise<void> {
  const now = deps.clock.now();
  const token = newRefreshToken();
  await tx.contactChangeUndo.create({
    data: {
      userId: user.id,
      ...change,
      tokenHash: hashRefreshToken(token),
      expiresAt: undoLinkExpiry(now),
      createdAt: now,
    },
  });
  const link = new URL(`/undo-contact-change?token=${token}`, deps.publicUrl()).toString();
  for (const notice of contactChangedNotices(change, user.email, link, UNDO_VALID_DAYS)) await enqueue(tx, notice);
}

/**
 * «Это был не я»: the logins go back to what they were before the change (and before every later
 * change, whoever made it: `rollbackFrom`), every session ends, the change's link and the later
 * ones are spent (earlier ones keep working), pending codes stop, e-mail bills follow the address
 * back. The password stops working too, since whoever changed the address may know it: the answer
 * carries a fresh reset link's token, so the customer sets a new one at once.
 */
export async function undoContactChange(
  deps: { db: Database; clock: Clock },
  token: string,
): Promise<ContactChangeUndone> {
  const { db, clock } = deps;
  const now = clock.now();
  const row = requireUsableLink(
    await db.contactChangeUndo.findUnique({ where: { tokenHash: hashRefreshToken(token) } }),
    now,
    "UNDO_LINK_INVALID",
  );
  const since = await db.contactChangeUndo.findMany({
    where: { userId: row.userId, createdAt: { gte: row.createdAt } },
  });
  const restore = rollbackFrom(row, since);
  // A password nobody knows: the old one must not let whoever changed the address back in.
  const lockedHash = await hashPassword(newRefreshToken());
  const resetToken = newRefreshToken();
  try {
    await db.$transaction(async (tx) => {
      const spent = await tx.contactChangeUndo.updateMany({
        where: { id: row.id, usedAt: null },
        data: { usedAt: now },
      });
      if (spent.count !== 1) throw new DomainError("UNDO_LINK_INVALID");
      await tx.contactChangeUndo.updateMany({
        where: { userId: row.userId, usedAt: null, createdAt: { gte: row.createdAt } },
        data: { usedAt: now },
      });
      const user = await tx.user.findUniqueOrThrow({ where: { id: row.userId } });
      const email = restore.EMAIL?.value ?? user.email;
      if (restore.EMAIL?.value) {
        await tx.user.update({
          where: { id: user.id },
          data: { email, emailConfirmedAt: restore.EMAIL.confirmed ? now : null },
        });
        await tx.personalAccount.updateMany({
          where: { billEmail: user.email, links: { some: { userId: user.id } } },
          data: { billEmail: email },
        });
      }
      if (restore.PHONE) {
        await tx.user.update({
          where: { id: user.id },
          data: { phone: restore.PHONE.value, phoneConfirmedAt: restore.PHONE.confirmed ? now : null },
        });
      }
      await tx.user.update({ where: { id: user.id }, data: { passwordHash: lockedHash } });
      await tx.passwordResetToken.create({
        data: { email, tokenHash: hashRefreshToken(resetToken), expiresAt: resetLinkExpiry(now), createdAt: now },
      });
      await tx.contactCode.updateMany({ where: { userId: user.id, closedAt: null }, data: { closedAt: now } });
      await tx.refreshSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(row.kind === "EMAIL" ? "EMAIL_TAKEN" : "PHONE_TAKEN", UNDO_TAKEN_MESSAGE[row.kind]);
    }
    throw error;
  }
  return { kind: row.kind, value: row.previous, passwordResetToken: resetToken };
}
