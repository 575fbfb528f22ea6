/**
 * How often a password may be tried (OWASP ASVS 4.0 V2.2.1: soft lockout by growing delays, not a
 * lock an attacker can hold over the customer). Decided here once; the API loads the attempts,
 * asks, and records.
 *
 * - Per login and address: 5 failures are free; after that each try waits 30 s, 1, 2, 4, 8, then
 *   15 minutes after the previous failure. A success from that address starts it afresh.
 * - Per login from everywhere: 10 failures in the hour are free; after that addresses that have not
 *   signed in to this login successfully in the last 30 days (a "known address") wait the same
 *   growing delays after the login's last failure. A guesser spread over many addresses slows to
 *   a handful of tries an hour (ASVS: at most 100); the customer at home is not held up.
 * - A password reset or change lifts everything before it.
 */
export const SIGN_IN_POLICY = {
  windowMs: 60 * 60 * 1000,
  freeFailuresPerAddress: 5,
  freeFailuresPerLogin: 10,
  firstDelayMs: 30 * 1000,
  maxDelayMs: 15 * 60 * 1000,
  knownAddressMs: 30 * 24 * 60 * 60 * 1000,
} as const;

export type SignInPolicy = { -readonly [K in keyof typeof SIGN_IN_POLICY]: number };

export interface SignInAttemptRow {
  ip: string;
  success: boolean;
  at: Date;
}

/** The wait after `excess` failures beyond the free ones: 30 s doubling, at most 15 minutes. */
export function signInDelayMs(excess: number, policy: SignInPolicy = SIGN_IN_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, excess));
}

const latest = (rows: readonly SignInAttemptRow[]) => Math.max(...rows.map((r) => r.at.getTime()));

/**
 * May this address try a password for this login now? `attempts` are the login's attempts of the
 * last hour and this address's successes of the last 30 days (more is fine); `liftedAt` is the
 * last password reset or change. Counts every attempt as given: the shell records a try as a
 * failure before checking the password, so parallel tries cannot slip past the count.
 */
export function signInWait(
  attempts: readonly SignInAttemptRow[],
  ip: string,
  now: Date,
  liftedAt: Date | null = null,
  policy: SignInPolicy = SIGN_IN_POLICY,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const from = Math.max(now.getTime() - policy.windowMs, liftedAt?.getTime() ?? 0);
  const recent = attempts.filter((a) => a.at.getTime() > from);
  const known = attempts.some(
    (a) => a.success && a.ip === ip && a.at.getTime() > now.getTime() - policy.knownAddressMs,
  );

  const here = recent.filter((a) => a.ip === ip);
  const lastSuccessHere = Math.max(0, ...here.filter((a) => a.success).map((a) => a.at.getTime()));
  const failuresHere = here.filter((a) => !a.success && a.at.getTime() > lastSuccessHere);
  const failuresAll = recent.filter((a) => !a.success);

  let until = 0;
  if (failuresHere.length >= policy.freeFailuresPerAddress) {
    until = latest(failuresHere) + signInDelayMs(failuresHere.length - policy.freeFailuresPerAddress, policy);
  }
  if (!known && failuresAll.length >= policy.freeFailuresPerLogin) {
    until = Math.max(
      until,
      latest(failuresAll) + signInDelayMs(failuresAll.length - policy.freeFailuresPerLogin, policy),
    );
  }
  const waitMs = until - now.getTime();
  return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { allowed: true };
}
