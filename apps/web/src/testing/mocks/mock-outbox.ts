import type { Notice, OutboxMessage } from "@lk/contract";
import { mockClock } from "./mock-clock.ts";
import { mockDb } from "./mock-db.ts";

/**
 * What the mock "sends" (worded by the contract's messages, as the API words it): it lands in the
 * outbox at once (there is no transport), as /dev/outbox shows.
 */
export function sendMessage(message: Notice): OutboxMessage {
  const at = mockClock.now().toISOString();
  const stored = { id: crypto.randomUUID(), ...message, createdAt: at, sentAt: at };
  mockDb.state.outbox.push(stored);
  mockDb.save();
  return stored;
}

/** A notice the API writes with a dedupe key: sent the first time only, as the API's outbox keeps the first. */
export function sendNoticeOnce({ dedupeKey, ...message }: Notice & { dedupeKey: string }): void {
  const sent = mockDb.state.sentNoticeKeys ?? [];
  if (sent.includes(dedupeKey)) return;
  mockDb.state.sentNoticeKeys = [...sent, dedupeKey];
  sendMessage(message);
}

/** Newest first; only those to `to` when given (an address or a phone as stored). */
export function outboxMessages(to: string | undefined): OutboxMessage[] {
  return mockDb.state.outbox
    .map((message, order) => ({ message, order }))
    .filter(({ message }) => !to || message.to === to)
    .sort((a, b) => b.message.createdAt.localeCompare(a.message.createdAt) || b.order - a.order)
    .map(({ message }) => message);
}

const URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** `length` random URL-safe characters (a reset link's token). */
export function randomUrlSafe(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => URL_SAFE[byte % URL_SAFE.length]).join("");
}

/** Six random digits, leading zeros kept. */
export function randomCode(): string {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return String(value % 1_000_000).padStart(6, "0");
}
