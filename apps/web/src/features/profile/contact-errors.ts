import type { ContactKind } from "@lk/contract/profile";
import { ApiError } from "../../lib/api-client.ts";

/** Where an error of the contact dialog belongs: beside the address, the password, the code, or the whole form. */
export interface ContactError {
  place: "value" | "password" | "code" | "form";
  message: string;
  /** The code no longer works: only a new one helps. */
  needsNewCode?: boolean;
  /** TOO_MANY_REQUESTS: seconds before a new code may be asked for. */
  retryAfterSeconds?: number;
}

const fieldMessage = (error: ApiError, path: string) => error.fields.find((f) => f.path === path)?.message;

/** «Слишком много попыток» with the wait in it, when the server said how long. */
export function waitMessage(error: ApiError): string {
  return error.retryAfterSeconds ? `Новый код можно запросить через ${error.retryAfterSeconds} с.` : error.message;
}

/** What the customer reads when the code request or the code itself is refused. */
export function contactError(error: unknown, kind: ContactKind): ContactError {
  if (!(error instanceof ApiError)) return { place: "form", message: "Что-то пошло не так. Повторите попытку." };
  switch (error.code) {
    case "CODE_INVALID":
      return error.attemptsLeft === 0
        ? { place: "code", message: "Неверный код. Попыток больше нет: запросите новый код.", needsNewCode: true }
        : {
            place: "code",
            message:
              error.attemptsLeft === undefined
                ? error.message
                : `Неверный код. Осталось попыток: ${error.attemptsLeft}.`,
          };
    case "CODE_EXPIRED":
      return { place: "code", message: error.message, needsNewCode: true };
    case "EMAIL_TAKEN":
    case "PHONE_TAKEN":
      return {
        place: "value",
        message:
          fieldMessage(error, "value") ??
          (kind === "EMAIL"
            ? "Этот адрес электронной почты уже зарегистрирован."
            : "Этот номер телефона уже привязан к другой учётной записи."),
      };
    case "WRONG_PASSWORD":
      return { place: "password", message: fieldMessage(error, "currentPassword") ?? error.message };
    case "TOO_MANY_REQUESTS":
      return { place: "form", message: waitMessage(error), retryAfterSeconds: error.retryAfterSeconds };
    case "VALIDATION_FAILED": {
      const value = fieldMessage(error, "value");
      if (value) return { place: "value", message: value };
      const password = fieldMessage(error, "currentPassword");
      if (password) return { place: "password", message: password };
      const code = fieldMessage(error, "code");
      if (code) return { place: "code", message: code };
      return { place: "form", message: error.message };
    }
    default:
      return { place: "form", message: error.message };
  }
}
