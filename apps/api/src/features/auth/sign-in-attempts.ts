import type { Database } from "@lk/db";
import { DomainError, SIGN_IN_POLICY, type SignInPolicy, signInWait } from "@lk/domain";
import { clientKey } from "../../lib/client-key.ts";

/** Who a password try is about: a customer (any of their logins) or a login nobody has. */
export interface SignInSubject {
  login: string;
  userId: string | null;
  /** The last password reset or change: delays from before it no longer count. */
  passwordChangedAt: Date | null;
}

/**
 * Takes a try at a password, or refuses it with the wait (TOO_MANY_REQUESTS and Retry-After). The
 * try is written as a failure before the password is checked, under a lock per customer, so twenty
 * parallel guesses are counted as twenty and the domain's delays cannot be raced. Returns the
 * attempt's id, to be marked a success (`settleAttempt`) when the password was right.
 */
export async function takeAttempt(
  db: Database,
  subject: SignInSubject,
  address: string,
  now: Date,
  policy: SignInPolicy = SIGN_IN_POLICY,
): Promise<bigint> {
  // Counted, stored and known by client: an IPv6 one by its /64 (lib/client-key.ts).
  const ip = clientKey(address);
  const who = subject.userId ? { userId: subject.userId } : { login: subject.login, userId: null };
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${subject.userId ?? subject.login}`}))`;
    const rows = await tx.signInAttempt.findMany({
      where: {
        ...who,
        OR: [
          { createdAt: { gt: new Date(now.getTime() - policy.windowMs) } },
          { success: true, ip, createdAt: { gt: new Date(now.getTime() - policy.knownAddressMs) } },
        ],
      },
      select: { ip: true, success: true, createdAt: true },
    });
    const attempts = rows.map((r) => ({ ip: r.ip, success: r.success, at: r.createdAt }));
    const wait = signInWait(attempts, ip, now, subject.passwordChangedAt, policy);
    if (!wait.allowed) {
      const minutes = Math.ceil(wait.retryAfterSeconds / 60);
      throw new DomainError(
        "TOO_MANY_REQUESTS",
        wait.retryAfterSeconds > 90
          ? `Слишком много неудачных попыток входа. Повторите через ${minutes} мин.`
          : `Слишком много неудачных попыток входа. Повторите через ${wait.retryAfterSeconds} с.`,
        { retryAfterSeconds: wait.retryAfterSeconds },
      );
    }
    const attempt = await tx.signInAttempt.create({
      data: { login: subject.login, userId: subject.userId, ip, success: false, createdAt: now },
      select: { id: true },
    });
    return attempt.id;
  });
}

/** The password was right: the try counts as a success (it makes the address a known one). */
export async function settleAttempt(db: Database, id: bigint): Promise<void> {
  await db.signInAttempt.update({ where: { id }, data: { success: true } });
}
