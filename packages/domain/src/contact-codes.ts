import type { ContactKind } from "@lk/contract/profile";
import { DomainError, fieldRefusal } from "./domain-error.ts";

// A code sent to prove an e-mail or phone (a new login, or confirming the current one). The
// numbers and refusals are the rule for the API and the mock alike.

/** How long a code works. */
export const CODE_TTL_MS = 10 * 60_000;
/** One code a minute per kind: the «Отправить код ещё раз» countdown. */
export const CODE_RESEND_MS = 60_000;
/** Five codes an hour per kind. */
export const CODES_PER_HOUR = 5;
/**
 * Codes an hour to one e-mail or phone, whoever asks: many throwaway accounts cannot flood one
 * number with texts (each costs money, and it is a nuisance to the number's holder). Twice one
 * customer's allowance, so someone else's asking does not lock the holder out at once.
 */
export const CODES_PER_VALUE_PER_HOUR = 10;
/** Wrong tries a code takes before it closes. */
export const CODE_ATTEMPTS = 5;
const HOUR_MS = 60 * 60_000;

/** Codes sent since this instant count towards the hourly limit. */
export const codeLimitSince = (now: Date): Date => new Date(now.getTime() - HOUR_MS);

/** A wait in the words the forms show: seconds up to a minute and a half, then minutes. */
export const waitText = (seconds: number): string =>
  seconds > 90 ? `${Math.ceil(seconds / 60)} мин.` : `${seconds} с.`;

/**
 * What a request for a code to `value` is: confirming the current, unproved login, or a change of
 * it (the caller then checks the password: a stolen token alone must not change a login). The
 * current login already proved is refused.
 */
export function codeRequestKind(
  kind: ContactKind,
  value: string,
  current: { value: string | null; confirmed: boolean },
): "confirm-current" | "change" {
  if (value !== current.value) return "change";
  if (current.confirmed) {
    throw fieldRefusal("value", kind === "EMAIL" ? "Этот адрес уже подтверждён." : "Этот номер уже подтверждён.");
  }
  return "confirm-current";
}

/** How long until the `limit`-th newest of `sentAt` (sent within the hour) ages out; 0: none to wait. */
function hourWaitMs(sentAt: readonly Date[], limit: number, now: Date): number {
  const counted = sentAt
    .filter((at) => at.getTime() > now.getTime() - HOUR_MS)
    .sort((a, b) => b.getTime() - a.getTime())[limit - 1];
  return counted ? counted.getTime() + HOUR_MS - now.getTime() : 0;
}

/**
 * Whether a new code may go out now, given when the customer's codes of this kind were sent in the
 * last hour, and when any customer's codes to the same value were (any order): one a minute and
 * {@link CODES_PER_HOUR} an hour per customer, {@link CODES_PER_VALUE_PER_HOUR} an hour to the
 * value. Refuses with how long to wait, in the same words whichever limit it is (the other
 * customers asking for the value are not told), and returns the new code's expiry.
 */
export function allowContactCode(
  sentAt: readonly Date[],
  now: Date,
  sentToValue: readonly Date[],
): { expiresAt: Date } {
  const last = Math.max(...sentAt.map((at) => at.getTime()), Number.NEGATIVE_INFINITY);
  const minuteWait = last + CODE_RESEND_MS - now.getTime();
  const wait = Math.max(
    minuteWait,
    hourWaitMs(sentAt, CODES_PER_HOUR, now),
    hourWaitMs(sentToValue, CODES_PER_VALUE_PER_HOUR, now),
  );
  if (wait > 0) {
    const seconds = Math.max(1, Math.ceil(wait / 1000));
    throw new DomainError("TOO_MANY_REQUESTS", `Новый код можно запросить через ${waitText(seconds)}`, {
      retryAfterSeconds: seconds,
    });
  }
  return { expiresAt: new Date(now.getTime() + CODE_TTL_MS) };
}

/** The code is gone: never sent, used, closed, replaced or past its time. */
export const codeExpired = () => new DomainError("CODE_EXPIRED");

/**
 * A wrong code, after `attemptsUsed` tries of it (this one included): how many are left, and
 * whether the code is now closed. The refusal to answer with is in `error`.
 */
export function wrongContactCode(attemptsUsed: number): { close: boolean; error: DomainError } {
  const attemptsLeft = CODE_ATTEMPTS - attemptsUsed;
  if (attemptsLeft <= 0) {
    return {
      close: true,
      error: new DomainError("CODE_EXPIRED", "Код введён неверно слишком много раз. Запросите новый код."),
    };
  }
  const message = `Неверный код. Осталось попыток: ${attemptsLeft}.`;
  return {
    close: false,
    error: new DomainError("CODE_INVALID", message, {
      attemptsLeft,
      location: "body",
      fields: [{ path: "code", message }],
    }),
  };
}

/**
 * Whether a value proved by a code may be taken from another customer who holds it: a phone they
 * never proved (typed at registration, anyone's number) yields to whoever proves it, or a stranger
 * could keep its owner from ever adding it. A proved phone, and any e-mail (an account's login,
 * which cannot be left empty), stay theirs: `contactTaken`.
 */
export const yieldsToProof = (kind: ContactKind, holderProved: boolean): boolean => kind === "PHONE" && !holderProved;

/** The proved value is another customer's login (found at confirmation, never when the code is sent). */
export function contactTaken(kind: ContactKind): DomainError {
  return kind === "EMAIL"
    ? new DomainError("EMAIL_TAKEN", "Этот адрес электронной почты уже используется другой учётной записью.", {
        location: "body",
        fields: [{ path: "value", message: "Этот адрес уже используется другой учётной записью." }],
      })
    : new DomainError("PHONE_TAKEN", undefined, {
        location: "body",
        fields: [{ path: "value", message: "Этот номер уже привязан к другой учётной записи." }],
      });
}
