import { type ContactCodeSent, type ContactKind, contactCodeMessage, type Profile } from "@lk/contract";
import { mockClock } from "./mock-clock.ts";
import { type MockContactCode, type MockUser, mockDb } from "./mock-db.ts";
import { MockError } from "./mock-error.ts";
import { randomCode, sendMessage } from "./mock-outbox.ts";

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_RESEND_SECONDS = 60;
export const CODE_TRIES = 5;
export const CODES_PER_HOUR = 5;
const HOUR_MS = 60 * 60_000;

export function requireUser(userId: string | null): MockUser {
  const user = mockDb.state.users.find((u) => u.id === userId);
  if (!user) throw new MockError("UNAUTHORIZED");
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

const valueError = (message: string) =>
  new MockError("VALIDATION_FAILED", undefined, { location: "body", fields: [{ path: "value", message }] });

/** Another customer's login already: refused as the API words it (at the code's confirmation, or an undo). */
export function checkFree(userId: string, kind: ContactKind, value: string): void {
  const others = mockDb.state.users.filter((u) => u.id !== userId);
  if (kind === "EMAIL" && others.some((u) => u.email === value)) {
    throw new MockError("EMAIL_TAKEN", "Этот адрес электронной почты уже используется другой учётной записью.", {
      location: "body",
      fields: [{ path: "value", message: "Этот адрес уже используется другой учётной записью." }],
    });
  }
  if (kind === "PHONE" && others.some((u) => u.phone === value)) {
    throw new MockError("PHONE_TAKEN", undefined, {
      location: "body",
      fields: [{ path: "value", message: "Этот номер уже привязан к другой учётной записи." }],
    });
  }
}

const currentOf = (user: MockUser, kind: ContactKind) => (kind === "EMAIL" ? user.email : user.phone);
const confirmedOf = (user: MockUser, kind: ContactKind) =>
  kind === "EMAIL" ? (user.emailConfirmed ?? false) : user.phone !== null && (user.phoneConfirmed ?? false);

/** A change of login (not confirming the current one) needs the password: a stolen token alone must not do it. */
function checkPassword(user: MockUser, currentPassword: string | undefined): void {
  if (currentPassword === undefined) {
    throw new MockError("VALIDATION_FAILED", undefined, {
      location: "body",
      fields: [{ path: "currentPassword", message: "Введите текущий пароль." }],
    });
  }
  if (currentPassword !== user.password) {
    throw new MockError("WRONG_PASSWORD", undefined, {
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
  if (value === currentOf(user, kind)) {
    if (confirmedOf(user, kind)) {
      throw valueError(kind === "EMAIL" ? "Этот адрес уже подтверждён." : "Этот номер уже подтверждён.");
    }
  } else {
    checkPassword(user, currentPassword);
  }
  // One code a minute, five an hour, per kind.
  const recent = mockDb.state.contactCodes.filter(
    (c) => c.userId === user.id && c.kind === kind && now.getTime() - Date.parse(c.createdAt) < HOUR_MS,
  );
  const previous = latestCode(user.id, kind);
  const wait = previous ? Date.parse(previous.createdAt) + CODE_RESEND_SECONDS * 1000 - now.getTime() : 0;
  const oldest = recent.length >= CODES_PER_HOUR ? recent.at(-CODES_PER_HOUR) : undefined;
  const hourWait = oldest ? Date.parse(oldest.createdAt) + HOUR_MS - now.getTime() : 0;
  if (wait > 0 || hourWait > 0) {
    const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(wait, hourWait) / 1000));
    const after = retryAfterSeconds > 90 ? `${Math.ceil(retryAfterSeconds / 60)} мин.` : `${retryAfterSeconds} с.`;
    throw new MockError("TOO_MANY_REQUESTS", `Новый код можно запросить через ${after}`, { retryAfterSeconds });
  }
  if (previous && !previous.closedAt) previous.closedAt = now.toISOString();
  const code = randomCode();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
  mockDb.state.contactCodes.push({
    userId: user.id,
    kind,
    value,
    code,
    attempts: 0,
    createdAt: now.toISOString(),
    expiresAt,
    closedAt: null,
  });
  sendMessage(contactCodeMessage(kind, value, code));
  mockDb.save();
  return { kind, value, expiresAt, resendAfterSeconds: CODE_RESEND_SECONDS };
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
  if (!current || current.closedAt || now.getTime() >= Date.parse(current.expiresAt)) {
    throw new MockError("CODE_EXPIRED");
  }
  current.attempts += 1;
  if (current.code !== code) {
    const attemptsLeft = CODE_TRIES - current.attempts;
    if (attemptsLeft <= 0) {
      current.closedAt = now.toISOString();
      mockDb.save();
      throw new MockError("CODE_EXPIRED", "Код введён неверно слишком много раз. Запросите новый код.");
    }
    mockDb.save();
    const message = `Неверный код. Осталось попыток: ${attemptsLeft}.`;
    throw new MockError("CODE_INVALID", message, {
      attemptsLeft,
      location: "body",
      fields: [{ path: "code", message }],
    });
  }
  checkFree(user.id, kind, current.value);
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
