import { type ContactChangeUndone, contactChangedNotices, UNDO_TAKEN_MESSAGE, UNDO_VALID_DAYS } from "@lk/contract";
import { mockClock } from "./mock-clock.ts";
import { type MockUser, mockDb } from "./mock-db.ts";
import { MockError } from "./mock-error.ts";
import { randomUrlSafe, sendMessage } from "./mock-outbox.ts";
import { type ContactChange, setContact } from "./mock-profile.ts";
import { endSessions, setSessionHint } from "./mock-sessions.ts";

const DAY_MS = 24 * 60 * 60_000;

/** A login changed: the previous address hears of it (the contract's rule) with a link that puts it back. */
export function recordContactChange(user: MockUser, change: ContactChange, origin: string): void {
  const now = mockClock.now();
  const token = randomUrlSafe(43);
  mockDb.state.contactUndos.push({
    userId: user.id,
    kind: change.kind,
    previous: change.previous,
    previousConfirmed: change.previousConfirmed,
    current: change.current,
    token,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + UNDO_VALID_DAYS * DAY_MS).toISOString(),
    usedAt: null,
  });
  const link = `${origin}/undo-contact-change?token=${token}`;
  for (const notice of contactChangedNotices(change, user.email, link, UNDO_VALID_DAYS)) sendMessage(notice);
  mockDb.save();
}

/**
 * «Вернуть прежний адрес», as the API: once, within 7 days, whatever the value was changed to
 * since (a thief changing it again must not void the link). The customer's other undo links and
 * pending codes stop working, every session ends, this browser's too.
 */
export function undoContactChange(token: string): ContactChangeUndone {
  const now = mockClock.now();
  const undo = mockDb.state.contactUndos.find((u) => u.token === token);
  const user = mockDb.state.users.find((u) => u.id === undo?.userId);
  if (!undo || !user || undo.usedAt || now.getTime() >= Date.parse(undo.expiresAt)) {
    throw new MockError("UNDO_LINK_INVALID");
  }
  // Someone else took the previous address meanwhile: it cannot come back.
  const previous = undo.previous;
  const others = mockDb.state.users.filter((u) => u.id !== user.id);
  if (previous && others.some((u) => (undo.kind === "EMAIL" ? u.email : u.phone) === previous)) {
    throw new MockError(undo.kind === "EMAIL" ? "EMAIL_TAKEN" : "PHONE_TAKEN", UNDO_TAKEN_MESSAGE[undo.kind]);
  }
  const at = now.toISOString();
  for (const other of mockDb.state.contactUndos) {
    if (other.userId === user.id && !other.usedAt) other.usedAt = at;
  }
  for (const code of mockDb.state.contactCodes) {
    if (code.userId === user.id && !code.closedAt) code.closedAt = at;
  }
  // The link came to the previous mailbox, so that address is proved; a phone is as it was.
  setContact(user, undo.kind, previous, undo.kind === "EMAIL" || undo.previousConfirmed);
  endSessions(user.id);
  mockDb.state.currentRefreshToken = null;
  setSessionHint(false);
  mockDb.save();
  return { kind: undo.kind, value: previous };
}
