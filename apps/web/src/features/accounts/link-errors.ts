import { formatMoscowDateTime } from "@lk/domain";
import { ApiError } from "../../lib/api-client.ts";

/**
 * The linking dialog's own wording for a wrong answer and a lock: the count of answers left and
 * the time the lock ends, in Moscow time like every supplier deadline. Null for other errors.
 */
export function linkErrorMessage(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === "WRONG_ANSWER") {
    return error.attemptsLeft === undefined
      ? error.message
      : `Ответ неверный. Осталось попыток: ${error.attemptsLeft}.`;
  }
  if (error.code === "LINK_LOCKED") {
    const until = error.lockedUntil ? new Date(error.lockedUntil) : null;
    return until && !Number.isNaN(until.getTime())
      ? `Превышено число попыток. Подключить этот лицевой счёт можно будет после ${formatMoscowDateTime(until)}.`
      : error.message;
  }
  return null;
}
