import type { ContactCodeSent, ContactKind, Profile } from "@lk/contract";
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
    newsletter: user.newsletter ?? false,
  };
}

const valueError = (message: string) =>
  new MockError("VALIDATION_FAILED", undefined, { location: "body", fields: [{ path: "value", message }] });

/** Another customer's login already: refused as the API words it. */
function checkFree(user: MockUser, kind: ContactKind, value: string): void {
  const others = mockDb.state.users.filter((u) => u.id !== user.id);
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

const latestCode = (userId: string, kind: ContactKind): MockContactCode | undefined =>
  mockDb.state.contactCodes.filter((c) => c.userId === userId && c.kind === kind).at(-1);

/** A new code to `value`: one a minute per kind; the previous one stops working. */
export function sendContactCode(user: MockUser, kind: ContactKind, value: string): ContactCodeSent {
  const now = mockClock.now();
  if (kind === "EMAIL" && value === user.email && user.emailConfirmed) {
    throw valueError("Этот адрес уже подтверждён.");
  }
  if (kind === "PHONE" && value === user.phone) throw valueError("Это ваш текущий номер.");
  checkFree(user, kind, value);
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
  if (kind === "EMAIL") {
    sendMessage({
      channel: "EMAIL",
      kind: "CONTACT_CODE",
      to: value,
      subject: "Подтверждение адреса электронной почты",
      text: `Здравствуйте!\n\nКод подтверждения адреса в личном кабинете: ${code}\nКод действует 10 минут. Если вы не меняли адрес, просто не отвечайте на это письмо.`,
    });
  } else {
    sendMessage({
      channel: "SMS",
      kind: "CONTACT_CODE",
      to: value,
      subject: "Код подтверждения",
      text: `Код подтверждения номера в личном кабинете: ${code}. Никому его не сообщайте.`,
    });
  }
  mockDb.save();
  return { kind, value, expiresAt, resendAfterSeconds: CODE_RESEND_SECONDS };
}

/** The latest code of the kind, if right, makes its address the user's (a confirmed e-mail). */
export function confirmContact(user: MockUser, kind: ContactKind, code: string): Profile {
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
  checkFree(user, kind, current.value);
  current.closedAt = now.toISOString();
  if (kind === "EMAIL") {
    // E-mail bills this user set up follow the address to its new value, as in the API.
    const linked = new Set(mockDb.state.accountLinks.filter((l) => l.userId === user.id).map((l) => l.accountId));
    for (const [accountId, delivery] of Object.entries(mockDb.state.billDelivery)) {
      if (linked.has(accountId) && delivery.email === user.email) delivery.email = current.value;
    }
    user.email = current.value;
    user.emailConfirmed = true;
  } else {
    user.phone = current.value;
  }
  mockDb.save();
  return toProfile(user);
}

/** Ends the user's sessions, all but `keepAccessToken` and this browser's refresh "cookie" when given. */
export function endSessions(userId: string, keep: { accessToken?: string; refreshToken?: string } = {}): void {
  const { accessTokens, refreshTokens } = mockDb.state;
  for (const [token, owner] of Object.entries(accessTokens)) {
    if (owner === userId && token !== keep.accessToken) delete accessTokens[token];
  }
  for (const [token, owner] of Object.entries(refreshTokens)) {
    if (owner === userId && token !== keep.refreshToken) delete refreshTokens[token];
  }
  const cookie = mockDb.state.currentRefreshToken;
  if (cookie && !refreshTokens[cookie]) mockDb.state.currentRefreshToken = null;
  mockDb.save();
}
