import { formatMoscowDateTime } from "@lk/domain";
import { ApiError } from "../../lib/api-client.ts";

/** The moment in `lockedUntil`, in Moscow time like every supplier deadline; null when absent or unreadable. */
function untilText(error: ApiError): string | null {
  const until = error.lockedUntil ? new Date(error.lockedUntil) : null;
  return until && !Number.isNaN(until.getTime()) ? formatMoscowDateTime(until) : null;
}

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
  if (error.code === "LINK_LOCKED") {
    const until = untilText(error);
    return until ? `Превышено число попыток. Подключить этот лицевой счёт можно будет после ${until}.` : error.message;
  }
  if (error.code === "LINK_DAILY_LIMIT") {
    const until = untilText(error);
    return until
      ? `Слишком много неверных ответов на контрольные вопросы за сутки. Подключать лицевые счета можно будет после ${until}.`
      : error.message;
  }
  if (error.code === "LINK_PAUSED") {
    const until = untilText(error);
    return until
      ? `Подключение этого лицевого счёта временно приостановлено: по нему было слишком много неверных ответов на контрольный вопрос. Повторите после ${until}.`
      : error.message;
  }
  return null;
}

/** Answers are refused until a time (this customer's lock, their daily limit, or the account's pause for everyone). */
export const isLinkWait = (error: unknown): boolean =>
  error instanceof ApiError && ["LINK_LOCKED", "LINK_PAUSED", "LINK_DAILY_LIMIT"].includes(error.code);

/** Linking needs a confirmed e-mail or phone: the profile is where to confirm one. */
export const needsConfirmedContact = (error: unknown): boolean =>
  error instanceof ApiError && error.code === "CONTACT_NOT_CONFIRMED";
