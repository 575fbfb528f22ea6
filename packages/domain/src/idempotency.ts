import { DomainError } from "./domain-error.ts";

/**
 * What makes two requests with one idempotency key "the same request": a retry must carry the same
 * essentials, or it is a different request reusing the key, refused (422 IDEMPOTENCY_KEY_REUSED)
 * rather than silently answered with the first one's result (as payment APIs do). The API stores
 * a digest of the fingerprint with the row; the mock keeps the fingerprint itself.
 */

/**
 * A payment: the account, the amount and the way (card or СБП); the card itself is typed on the
 * acquirer's page, never sent to the portal.
 */
export function paymentFingerprint(input: { accountId: string; amountKopecks: number; method?: string }): string {
  return `payment|${input.accountId}|${input.amountKopecks}|${input.method ?? "CARD"}`;
}

/** A reading: the meter and each zone's value as typed (spaces gone, a comma read as a point). */
export function readingFingerprint(input: { meterId: string; values: Partial<Record<string, string>> }): string {
  const zones = Object.entries(input.values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([zone, value]) => `${zone}=${value.replace(/\s/g, "").replace(",", ".")}`)
    .sort();
  return `reading|${input.meterId}|${zones.join("|")}`;
}

/** Whether a key's stored request matches this one (rows from before fingerprints match anything). */
export function sameRequest(stored: string | null, fingerprint: string): boolean {
  return stored === null || stored === fingerprint;
}

/**
 * The key again: passes when it is the same request (same target, same essentials), refuses a
 * different request reusing the key.
 */
export function requireSameRequest(sameTarget: boolean, stored: string | null, fingerprint: string): void {
  if (!sameTarget || !sameRequest(stored, fingerprint)) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
}
