import { randomInt, randomUUID } from "node:crypto";
import { type ContactKind, contactCodeMessage, type Profile } from "@lk/contract";
import { Prisma } from "@lk/db";
import {
  allowContactCode,
  CODE_ATTEMPTS,
  CODE_RESEND_MS,
  codeExpired,
  codeLimitSince,
  codeRequestKind,
  contactTaken,
  DomainError,
  wrongContactCode,
  yieldsToProof,
} from "@lk/domain";
import { digest } from "../../lib/digest.ts";
import { verifyCurrentPassword } from "../auth/service.ts";
import { enqueue } from "../outbox/outbox.ts";
import { recordContactChange } from "./contact-undo.ts";
import { getProfile, type ProfileDeps } from "./service.ts";

const hashCode = (codeId: string, code: string) => digest(`${codeId}:${code}`);

/**
 * Sends a 6-digit code to a new e-mail or phone (or to the current one, to confirm it). A change
 * needs the current password. Whether another customer already has the value is not said here
 * (that would show strangers who is registered): the code goes out either way, and the value is
 * refused only at confirmation, to someone who proved they hold it. The value becomes the
 * customer's only when the code comes back.
 */
export async function sendContactCode(
  deps: ProfileDeps,
  userId: string,
  input: { kind: ContactKind; value: string; currentPassword?: string | undefined },
  ip: string,
) {
  const { db, clock } = deps;
  const now = clock.now();
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new DomainError("UNAUTHORIZED");
  const [current, confirmedAt] =
    input.kind === "EMAIL" ? [user.email, user.emailConfirmedAt] : [user.phone, user.phoneConfirmedAt];
  if (codeRequestKind(input.kind, input.value, { value: current, confirmed: confirmedAt !== null }) === "change") {
    await verifyCurrentPassword(deps, user, input.currentPassword, ip);
  }

  return db.$transaction(async (tx) => {
    // One request at a time per user and kind, then per value (always in that order, so two
    // customers asking for one number wait rather than deadlock; one statement, the customer's first):
    // the limits below cannot be raced.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`contact:${userId}:${input.kind}`})),
      pg_advisory_xact_lock(hashtext(${`contact-value:${input.kind}:${input.value}`}))`;
    const recent = await tx.contactCode.findMany({
      where: {
        kind: input.kind,
        createdAt: { gt: codeLimitSince(now) },
        OR: [{ userId }, { value: input.value }],
      },
      select: { userId: true, value: true, createdAt: true },
    });
    const { expiresAt } = allowContactCode(
      recent.filter((c) => c.userId === userId).map((c) => c.createdAt),
      now,
      recent.filter((c) => c.value === input.value).map((c) => c.createdAt),
    );
    await tx.contactCode.updateMany({ where: { userId, kind: input.kind, closedAt: null }, data: { closedAt: now } });
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    // The id is chosen here so the code's hash (salted with it) goes in with the row.
    const id = randomUUID();
    await tx.contactCode.create({
      data: {
        id,
        userId,
        kind: input.kind,
        value: input.value,
        codeHash: hashCode(id, code),
        expiresAt,
        createdAt: now,
      },
    });
    await enqueue(tx, contactCodeMessage(input.kind, input.value, code));
    return {
      kind: input.kind,
      value: input.value,
      expiresAt: expiresAt.toISOString(),
      resendAfterSeconds: CODE_RESEND_MS / 1000,
    };
  });
}

/** The code back: the new address becomes the user's login (an e-mail is then confirmed). */
export async function confirmContact(
  deps: ProfileDeps,
  userId: string,
  input: { kind: ContactKind; code: string },
): Promise<Profile> {
  const { db, clock } = deps;
  const now = clock.now();
  // Every try first takes one of the code's attempts in a single statement, so parallel
  // guesses get no more than CODE_ATTEMPTS comparisons between them.
  const [pending] = await db.$queryRaw<{ id: string; attempts: number; codeHash: string; value: string }[]>`
    UPDATE "ContactCode" SET attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "ContactCode"
      WHERE "userId" = ${userId}::uuid AND kind = ${input.kind}::"ContactKind" AND "closedAt" IS NULL
      ORDER BY "createdAt" DESC LIMIT 1
    ) AND "closedAt" IS NULL AND attempts < ${CODE_ATTEMPTS} AND "expiresAt" > ${now}
    RETURNING id, attempts, "codeHash", value`;
  if (!pending) throw codeExpired();
  if (hashCode(pending.id, input.code) !== pending.codeHash) {
    const wrong = wrongContactCode(pending.attempts);
    if (wrong.close) await db.contactCode.update({ where: { id: pending.id }, data: { closedAt: now } });
    throw wrong.error;
  }
  try {
    await db.$transaction(async (tx) => {
      const closed = await tx.contactCode.updateMany({
        where: { id: pending.id, closedAt: null },
        data: { closedAt: now },
      });
      if (closed.count !== 1) throw codeExpired();
      const before = await tx.user.findUniqueOrThrow({ where: { id: userId } });
      if (input.kind === "PHONE") {
        // Another customer holding this number loses it to the one who proved it when @lk/domain's
        // yieldsToProof says so (they never proved it); otherwise the update below is refused as taken.
        const holders = await tx.user.findMany({
          where: { phone: pending.value, id: { not: userId } },
          select: { id: true, phoneConfirmedAt: true },
        });
        const yielding = holders.filter((h) => yieldsToProof("PHONE", h.phoneConfirmedAt !== null)).map((h) => h.id);
        if (yielding.length) await tx.user.updateMany({ where: { id: { in: yielding } }, data: { phone: null } });
        await tx.user.update({ where: { id: userId }, data: { phone: pending.value, phoneConfirmedAt: now } });
      } else {
        await tx.user.update({ where: { id: userId }, data: { email: pending.value, emailConfirmedAt: now } });
        // E-mail bills this user set up follow the address to its new value.
        await tx.personalAccount.updateMany({
          where: { billEmail: before.email, links: { some: { userId } } },
          data: { billEmail: pending.value },
        });
      }
      const previous = input.kind === "EMAIL" ? before.email : before.phone;
      if (previous !== pending.value) {
        // The previous address hears of it, with a way back.
        await recordContactChange(tx, deps, before, {
          kind: input.kind,
          previous,
          previousConfirmed: (input.kind === "EMAIL" ? before.emailConfirmedAt : before.phoneConfirmedAt) !== null,
          current: pending.value,
        });
      }
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw contactTaken(input.kind);
    throw error;
  }
  return getProfile(db, userId);
}
