import { type ContactChangeUndone, contactChangedNotices, UNDO_TAKEN_MESSAGE, UNDO_VALID_DAYS } from "@lk/contract";
import {
  DomainError,
  requireUsableLink,
  resetLinkExpiry,
  rollbackFrom,
  spentWithRollback,
  undoLinkExpiry,
} from "@lk/domain";
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
 * «Вернуть прежний адрес», as the API: once, within 7 days, the logins as they were before the
 * change and every later one (`rollbackFrom`); its link and the later ones are spent, earlier ones
 * keep working; pending codes stop, every session ends, this browser's too. The password stops
 * working, and the answer carries a reset link's token for a new one.
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
  const mine = mockDb.state.contactUndos.filter((u) => u.userId === user.id);
  const restore = rollbackFrom(undo, mine);
  // Someone else took a previous address meanwhile: it cannot come back.
  const others = mockDb.state.users.filter((u) => u.id !== user.id);
  for (const kind of ["EMAIL", "PHONE"] as const) {
    const value = restore[kind]?.value;
    if (value && others.some((u) => (kind === "EMAIL" ? u.email : u.phone) === value)) {
      throw new DomainError(undo.kind === "EMAIL" ? "EMAIL_TAKEN" : "PHONE_TAKEN", UNDO_TAKEN_MESSAGE[undo.kind]);
    }
  }
  const at = now.toISOString();
  for (const other of mine) if (!other.usedAt && spentWithRollback(undo, other)) other.usedAt = at;
  for (const code of mockDb.state.contactCodes) {
    if (code.userId === user.id && !code.closedAt) code.closedAt = at;
  }
  for (const kind of ["EMAIL", "PHONE"] as const) {
    const back = restore[kind];
    if (back) setContact(user, kind, back.value, back.confirmed);
  }
  // A password nobody knows, and a reset link for the e-mail as it is now.
  user.password = randomUrlSafe(32);
  const passwordResetToken = randomUrlSafe(32);
  mockDb.state.passwordResets.push({
    email: user.email,
    token: passwordResetToken,
    createdAt: at,
    expiresAt: resetLinkExpiry(now).toISOString(),
    usedAt: null,
  });
  endSessions(user.id);
  mockDb.state.currentRefreshToken = null;
  setSessionHint(false);
  mockDb.save();
  return { kind: undo.kind, value: undo.previous, passwordResetToken };
}
