import {
  type ContactChangeUndone,
  type ContactKind,
  contactChangedNotices,
  UNDO_TAKEN_MESSAGE,
  UNDO_VALID_DAYS,
} from "@lk/contract";
import { type Database, Prisma } from "@lk/db";
import { contactRestored, DomainError, requireUsableLink, undoLinkExpiry } from "@lk/domain";
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
 * «Это был не я»: the previous e-mail or phone is the login again, every session ends, every other
 * undo link and pending code of the customer stops working (a thief's own links included), and
 * e-mail bills follow the address back. Works whatever the value was changed to since.
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
  const restored = contactRestored(row);
  try {
    await db.$transaction(async (tx) => {
      const spent = await tx.contactChangeUndo.updateMany({
        where: { id: row.id, usedAt: null },
        data: { usedAt: now },
      });
      if (spent.count !== 1) throw new DomainError("UNDO_LINK_INVALID");
      await tx.contactChangeUndo.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
      const user = await tx.user.findUniqueOrThrow({ where: { id: row.userId } });
      const confirmedAt = restored.confirmed ? now : null;
      if (row.kind === "EMAIL" && restored.value) {
        await tx.user.update({
          where: { id: user.id },
          data: { email: restored.value, emailConfirmedAt: confirmedAt },
        });
        await tx.personalAccount.updateMany({
          where: { billEmail: user.email, links: { some: { userId: user.id } } },
          data: { billEmail: restored.value },
        });
      } else if (row.kind === "PHONE") {
        await tx.user.update({
          where: { id: user.id },
          data: { phone: restored.value, phoneConfirmedAt: confirmedAt },
        });
      }
      await tx.contactCode.updateMany({ where: { userId: user.id, closedAt: null }, data: { closedAt: now } });
      await tx.refreshSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(row.kind === "EMAIL" ? "EMAIL_TAKEN" : "PHONE_TAKEN", UNDO_TAKEN_MESSAGE[row.kind]);
    }
    throw error;
  }
  return { kind: row.kind, value: row.previous };
}
