import { type ContactChangeUndone, contactChangedNotices, UNDO_TAKEN_MESSAGE, UNDO_VALID_DAYS } from "@lk/contract";
import { contactRestored, DomainError, requireUsableLink, undoLinkExpiry } from "@lk/domain";
import { mockClock } from "./mock-clock.ts";
import { type MockUser, mockDb } from "./mock-db.ts";
import { randomUrlSafe, sendMessage } from "./mock-outbox.ts";
import { type ContactChange, setContact } from "./mock-profile.ts";
import { endSessions, setSessionHint } from "./mock-sessions.ts";

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
    expiresAt: undoLinkExpiry(now).toISOString(),
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
  const undo = requireUsableLink(
    mockDb.state.contactUndos.find((u) => u.token === token),
    now,
    "UNDO_LINK_INVALID",
  );
  const user = mockDb.state.users.find((u) => u.id === undo.userId);
  if (!user) throw new DomainError("UNDO_LINK_INVALID");
  const restored = contactRestored(undo);
  // Someone else took the previous address meanwhile: it cannot come back.
  const previous = undo.previous;
  const others = mockDb.state.users.filter((u) => u.id !== user.id);
  if (previous && others.some((u) => (undo.kind === "EMAIL" ? u.email : u.phone) === previous)) {
    throw new DomainError(undo.kind === "EMAIL" ? "EMAIL_TAKEN" : "PHONE_TAKEN", UNDO_TAKEN_MESSAGE[undo.kind]);
  }
  const at = now.toISOString();
  for (const other of mockDb.state.contactUndos) {
    if (other.userId === user.id && !other.usedAt) other.usedAt = at;
  }
  for (const code of mockDb.state.contactCodes) {
    if (code.userId === user.id && !code.closedAt) code.closedAt = at;
  }
  setContact(user, undo.kind, restored.value, restored.confirmed);
  endSessions(user.id);
  mockDb.state.currentRefreshToken = null;
  setSessionHint(false);
  mockDb.save();
  return { kind: undo.kind, value: previous };
}
