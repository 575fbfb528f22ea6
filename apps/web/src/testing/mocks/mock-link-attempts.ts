import { LINK_ATTEMPT_POLICY, type LinkAttempt } from "@lk/domain";
import { mockDb } from "./mock-db.ts";

// The store side of linking's limits only: what counts, and whether to lock or pause, is the
// domain's (linkStanding, decideLinkAnswer), as in the API.

/** One account number of one supplier, normalised, so «77 0000 0000» and «7700000000» share one count. */
export interface AttemptKey {
  supplierId: string;
  accountNumber: string;
}

/** Every answer for the number in the window, from every customer. */
export function recentAttempts(key: AttemptKey, now: Date): LinkAttempt[] {
  const since = now.getTime() - LINK_ATTEMPT_POLICY.windowMs;
  return mockDb.state.linkAttempts
    .filter((a) => a.supplierId === key.supplierId && a.accountNumber === key.accountNumber && Date.parse(a.at) > since)
    .map((a) => ({ userId: a.userId, success: a.success, at: new Date(a.at) }));
}

/** When the customer answered wrong, for any number, in the window (the budget over every number). */
export function customerFailures(userId: string, now: Date): Date[] {
  const since = now.getTime() - LINK_ATTEMPT_POLICY.windowMs;
  return mockDb.state.linkAttempts
    .filter((a) => a.userId === userId && !a.success && Date.parse(a.at) > since)
    .map((a) => new Date(a.at));
}

export function recordAttempt(key: AttemptKey, userId: string, now: Date, success: boolean): void {
  mockDb.state.linkAttempts.push({ ...key, userId, at: now.toISOString(), success });
  mockDb.save();
}
