import { formatMoscowDateTime } from "@lk/domain";
import { ApiError } from "../../lib/api-client.ts";

/** The moment in `lockedUntil`, in Moscow time like every supplier deadline; null when absent or unreadable. */
function untilText(error: ApiError): string | null {
  const until = error.lockedUntil ? new Date(error.lockedUntil) : null;
  return until && !Number.isNaN(until.getTime()) ? formatMoscowDateTime(until) : null;
}

/** Each wait's words before the moment it ends (this customer's lock, their daily limit, the account's pause). */
const WAIT_WORDING = {
  LINK_LOCKED: "Превышено число попыток. Подключить этот лицевой счёт можно будет после",
  LINK_DAILY_LIMIT:
    "Слишком много неверных ответов на контрольные вопросы за сутки. Подключать лицевые счета можно будет после",
  LINK_PAUSED:
    "Подключение этого лицевого счёта временно приостановлено: по нему было слишком много неверных ответов на контрольный вопрос. Повторите после",
} as const;

const waitWording = (code: string): string | undefined =>
  Object.hasOwn(WAIT_WORDING, code) ? WAIT_WORDING[code as keyof typeof WAIT_WORDING] : undefined;

/**
 * The linking dialog's own wording for a wrong answer, a lock and a pause: the count of answers
 * left and the time the wait ends. Null for other errors.
 */
export function linkErrorMessage(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === "WRONG_ANSWER") {
    return error.attemptsLeft === undefined
      ? error.message
      : `Ответ неверный. Осталось попыток: ${error.attemptsLeft}.`;
  }
  const wording = waitWording(error.code);
  if (wording) {
    const until = untilText(error);
    return until ? `${wording} ${until}.` : error.message;
  }
  return null;
}

/** Answers are refused until a time: one of the waits above. */
export const isLinkWait = (error: unknown): boolean =>
  error instanceof ApiError && waitWording(error.code) !== undefined;

/** Linking needs a confirmed e-mail or phone: the profile is where to confirm one. */
export const needsConfirmedContact = (error: unknown): boolean =>
  error instanceof ApiError && error.code === "CONTACT_NOT_CONFIRMED";
