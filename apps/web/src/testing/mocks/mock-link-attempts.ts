import { mockDb } from "./mock-db.ts";

/** SPEC §3: at most 5 wrong answers per account per user in 24 hours. */
export const MAX_WRONG_ANSWERS = 5;
const WINDOW_MS = 24 * 60 * 60 * 1000;

interface AttemptKey {
  userId: string;
  supplierId: string;
  /** Normalised, so «77 0000 0000» and «7700000000» share one count. */
  accountNumber: string;
}

function recentFailures(key: AttemptKey, now: Date): Date[] {
  const since = now.getTime() - WINDOW_MS;
  return mockDb.state.linkAttempts
    .filter(
      (a) =>
        !a.success &&
        a.userId === key.userId &&
        a.supplierId === key.supplierId &&
        a.accountNumber === key.accountNumber &&
        Date.parse(a.at) > since,
    )
    .map((a) => new Date(a.at))
    .sort((a, b) => a.getTime() - b.getTime());
}

/** Where the customer stands: answers left, and when a lock lifts (null when not locked). */
export function attemptStatus(key: AttemptKey, now: Date): { attemptsLeft: number; lockedUntil: Date | null } {
  const failures = recentFailures(key, now);
  const attemptsLeft = Math.max(0, MAX_WRONG_ANSWERS - failures.length);
  if (attemptsLeft > 0) return { attemptsLeft, lockedUntil: null };
  // The lock lifts when the failure that filled the window leaves it.
  const filling = failures[failures.length - MAX_WRONG_ANSWERS] as Date;
  return { attemptsLeft, lockedUntil: new Date(filling.getTime() + WINDOW_MS) };
}

/** Every answer is recorded, right or wrong. */
export function recordAttempt(key: AttemptKey, now: Date, success: boolean): void {
  mockDb.state.linkAttempts.push({ ...key, at: now.toISOString(), success });
  mockDb.save();
}
