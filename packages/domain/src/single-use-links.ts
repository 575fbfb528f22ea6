import { UNDO_VALID_DAYS } from "@lk/contract/auth";
import type { ErrorCode } from "@lk/contract/errors";
import type { ContactKind } from "@lk/contract/profile";
import { DomainError } from "./domain-error.ts";

// Links sent by letter that work once: «Забыли пароль?» and «Это был не я». The API stores only
// their hashes, the mock the tokens; when they work and how many go out is decided here.

/** A password-reset link works for an hour. */
export const RESET_TTL_MS = 60 * 60_000;
/** Reset letters per address per hour; more requests are answered the same and send nothing. */
export const RESETS_PER_HOUR = 3;
const HOUR_MS = 60 * 60_000;

/** Reset letters sent since this instant count towards the hourly limit. */
export const resetLimitSince = (now: Date): Date => new Date(now.getTime() - HOUR_MS);

/**
 * Whether another reset letter goes out, given how many went to the address in the last hour:
 * the new link's expiry, or null (the same answer, and nothing is sent).
 */
export function allowPasswordReset(sentInLastHour: number, now: Date): { expiresAt: Date } | null {
  return sentInLastHour >= RESETS_PER_HOUR ? null : { expiresAt: resetLinkExpiry(now) };
}

/** When a password-reset link made now stops working. */
export const resetLinkExpiry = (now: Date): Date => new Date(now.getTime() + RESET_TTL_MS);

/** When a «Это был не я» link sent now stops working. */
export const undoLinkExpiry = (now: Date): Date => new Date(now.getTime() + UNDO_VALID_DAYS * 86_400_000);

interface SingleUseLink {
  usedAt: Date | string | null;
  expiresAt: Date | string;
}

/** The link as found by its token, refused with `code` when unknown, spent or past its time. */
export function requireUsableLink<T extends SingleUseLink>(
  link: T | null | undefined,
  now: Date,
  code: Extract<ErrorCode, "RESET_TOKEN_INVALID" | "UNDO_LINK_INVALID">,
): T {
  if (!link || link.usedAt || new Date(link.expiresAt).getTime() <= now.getTime()) throw new DomainError(code);
  return link;
}

/**
 * What «Это был не я» puts back: the previous value, proved for an e-mail (the link came to that
 * mailbox), as it was for a phone; a phone that was not there is removed.
 */
export function contactRestored(undo: { kind: ContactKind; previous: string | null; previousConfirmed: boolean }): {
  value: string | null;
  confirmed: boolean;
} {
  return {
    value: undo.previous,
    confirmed: undo.previous !== null && (undo.kind === "EMAIL" || undo.previousConfirmed),
  };
}

/** A login change as its «Это был не я» link records it. */
export interface ContactChangeRecord {
  kind: ContactKind;
  previous: string | null;
  previousConfirmed: boolean;
  createdAt: Date | string;
}

const timeOf = (at: Date | string) => new Date(at).getTime();

/**
 * Whether «Это был не я» on `used` spends the link of `other`: its own and every later one (their
 * changes are rolled back with it, see `rollbackFrom`), never an earlier one, so a thief who made
 * a second change cannot void the owner's link by using the one he was sent.
 */
export const spentWithRollback = (used: ContactChangeRecord, other: ContactChangeRecord): boolean =>
  timeOf(other.createdAt) >= timeOf(used.createdAt);

/**
 * What «Это был не я» on one change puts back: the logins as they were before it, so that change
 * and every later one (whoever made them) are undone, each login to its value before the earliest
 * of them. Changes before it stay. A thief who moved the phone and then the e-mail is undone by
 * the owner's link of the first change, e-mail included.
 */
export function rollbackFrom(
  used: ContactChangeRecord,
  changes: readonly ContactChangeRecord[],
): Partial<Record<ContactKind, { value: string | null; confirmed: boolean }>> {
  const later = changes
    .filter((c) => c !== used && spentWithRollback(used, c))
    .sort((a, b) => timeOf(a.createdAt) - timeOf(b.createdAt));
  const restore: Partial<Record<ContactKind, { value: string | null; confirmed: boolean }>> = {
    [used.kind]: contactRestored(used),
  };
  for (const change of later) {
    restore[change.kind] ??= {
      value: change.previous,
      confirmed: change.previous !== null && change.previousConfirmed,
    };
  }
  return restore;
}
