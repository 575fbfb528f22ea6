import { type ContactCodeSent, type ContactKind, contactCodeMessage, type Profile } from "@lk/contract";
import {
  allowContactCode,
  CODE_RESEND_MS,
  codeExpired,
  codeRequestKind,
  contactTaken,
  DomainError,
  wrongContactCode,
  yieldsToProof,
} from "@lk/domain";
import { mockClock } from "./mock-clock.ts";
import { type MockContactCode, type MockUser, mockDb } from "./mock-db.ts";
import { randomCode, sendMessage } from "./mock-outbox.ts";

export function requireUser(userId: string | null): MockUser {
  const user = mockDb.state.users.find((u) => u.id === userId);
  if (!user) throw new DomainError("UNAUTHORIZED");
  return user;
}

export function toProfile(user: MockUser): Profile {
  return {
    fullName: user.fullName,
    email: user.email,
    emailConfirmed: user.emailConfirmed ?? false,
    phone: user.phone,
    phoneConfirmed: user.phone !== null && (user.phoneConfirmed ?? false),
    newsletter: user.newsletter ?? false,
  };
}

/**
 * The value `userId` proved by a code, claimed from the other customers who hold it: refused as the
 * API words it when one of them keeps it, otherwise taken from those who only typed it (yieldsToProof).
 */
function claim(userId: string, kind: ContactKind, value: string): void {
  const holders = mockDb.state.users.filter((u) => u.id !== userId && currentOf(u, kind) === value);
  if (holders.some((u) => !yieldsToProof(kind, confirmedOf(u, kind)))) throw contactTaken(kind);
  for (const holder of holders) setContact(holder, kind, null, false);
}

const currentOf = (user: MockUser, kind: ContactKind) => (kind === "EMAIL" ? user.email : user.phone);
const confirmedOf = (user: MockUser, kind: ContactKind) =>
  kind === "EMAIL" ? (user.emailConfirmed ?? false) : user.phone !== null && (user.phoneConfirmed ?? false);

/** A change of login (not confirming the current one) needs the password: a stolen token alone must not do it. */
function checkPassword(user: MockUser, currentPassword: string | undefined): void {
  if (currentPassword === undefined) {
    throw new DomainError("VALIDATION_FAILED", undefined, {
      location: "body",
      fields: [{ path: "currentPassword", message: "Введите текущий пароль." }],
    });
  }
  if (currentPassword !== user.password) {
    throw new DomainError("WRONG_PASSWORD", undefined, {
      location: "body",
      fields: [{ path: "currentPassword", message: "Текущий пароль введён неверно." }],
    });
  }
}

const latestCode = (userId: string, kind: ContactKind): MockContactCode | undefined =>
  mockDb.state.contactCodes.filter((c) => c.userId === userId && c.kind === kind).at(-1);

/**
 * A new code to `value`: one a minute per kind; the previous one stops working. Whether another
 * customer has the value is not told here (that would let anyone probe for logins): a code goes
 * out anyway and the confirmation refuses it.
 */
export function sendContactCode(
  user: MockUser,
  { kind, value, currentPassword }: { kind: ContactKind; value: string; currentPassword?: string },
): ContactCodeSent {
  const now = mockClock.now();
  const current = { value: currentOf(user, kind), confirmed: confirmedOf(user, kind) };
  if (codeRequestKind(kind, value, current) === "change") checkPassword(user, currentPassword);
  const mine = mockDb.state.contactCodes.filter((c) => c.userId === user.id && c.kind === kind);
  const toValue = mockDb.state.contactCodes.filter((c) => c.kind === kind && c.value === value);
  const { expiresAt } = allowContactCode(
    mine.map((c) => new Date(c.createdAt)),
    now,
    toValue.map((c) => new Date(c.createdAt)),
  );
  const previous = mine.at(-1);
  if (previous && !previous.closedAt) previous.closedAt = now.toISOString();
  const code = randomCode();
  mockDb.state.contactCodes.push({
    userId: user.id,
    kind,
    value,
    code,
    attempts: 0,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    closedAt: null,
  });
  sendMessage(contactCodeMessage(kind, value, code));
  mockDb.save();
  return { kind, value, expiresAt: expiresAt.toISOString(), resendAfterSeconds: CODE_RESEND_MS / 1000 };
}

/** A login replaced by a confirmed code: what it was, and what it is now. */
export interface ContactChange {
  kind: ContactKind;
  /** Null: there was no phone. */
  previous: string | null;
  previousConfirmed: boolean;
  current: string;
}

/**
 * The latest code of the kind, if right, makes its address the user's, confirmed. Returns the
 * change when it was one (not the current value confirmed): the previous address must hear of it.
 */
export function confirmContact(user: MockUser, kind: ContactKind, code: string): ContactChange | null {
  const now = mockClock.now();
  const current = latestCode(user.id, kind);
  if (!current || current.closedAt || now.getTime() >= Date.parse(current.expiresAt)) throw codeExpired();
  current.attempts += 1;
  if (current.code !== code) {
    const wrong = wrongContactCode(current.attempts);
    if (wrong.close) current.closedAt = now.toISOString();
    mockDb.save();
    throw wrong.error;
  }
  claim(user.id, kind, current.value);
  current.closedAt = now.toISOString();
  const previous = currentOf(user, kind);
  const change =
    previous === current.value
      ? null
      : { kind, previous, previousConfirmed: confirmedOf(user, kind), current: current.value };
  setContact(user, kind, current.value, true);
  mockDb.save();
  return change;
}

/** The login of the kind becomes `value` (null: no phone); e-mail bills follow the address, as in the API. */
export function setContact(user: MockUser, kind: ContactKind, value: string | null, confirmed: boolean): void {
  if (kind === "PHONE") {
    user.phone = value;
    user.phoneConfirmed = value !== null && confirmed;
    return;
  }
  // An e-mail is never removed, only replaced.
  if (value === null) return;
  const linked = new Set(mockDb.state.accountLinks.filter((l) => l.userId === user.id).map((l) => l.accountId));
  for (const [accountId, delivery] of Object.entries(mockDb.state.billDelivery)) {
    if (linked.has(accountId) && delivery.email === user.email) delivery.email = value;
  }
  user.email = value;
  user.emailConfirmed = confirmed;
}
