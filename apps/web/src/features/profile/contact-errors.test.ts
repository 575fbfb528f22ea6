import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-client.ts";
import { contactError } from "./contact-errors.ts";

describe("contactError", () => {
  it("puts a wrong code beside the code with the tries left", () => {
    const error = new ApiError(422, "CODE_INVALID", "Неверный код.", [], { attemptsLeft: 3 });
    expect(contactError(error, "PHONE")).toEqual({ place: "code", message: "Неверный код. Осталось попыток: 3." });
  });

  it("asks for a new code after the last try and when the code expired", () => {
    const last = new ApiError(422, "CODE_INVALID", "Неверный код.", [], { attemptsLeft: 0 });
    expect(contactError(last, "PHONE")).toMatchObject({ place: "code", needsNewCode: true });
    const expired = new ApiError(410, "CODE_EXPIRED", "Срок действия кода истёк. Запросите новый код.");
    expect(contactError(expired, "EMAIL")).toEqual({
      place: "code",
      message: "Срок действия кода истёк. Запросите новый код.",
      needsNewCode: true,
    });
  });

  it("puts a taken address beside the address, worded for its kind", () => {
    const taken = new ApiError(409, "PHONE_TAKEN", "Этот номер телефона уже привязан к другой учётной записи.");
    expect(contactError(taken, "PHONE")).toEqual({
      place: "value",
      message: "Этот номер телефона уже привязан к другой учётной записи.",
    });
  });

  it("puts a missing or wrong current password beside the password", () => {
    const missing = new ApiError(400, "VALIDATION_FAILED", "Проверьте введённые данные.", [
      { path: "currentPassword", message: "Введите текущий пароль." },
    ]);
    expect(contactError(missing, "EMAIL")).toEqual({ place: "password", message: "Введите текущий пароль." });
    const wrong = new ApiError(422, "WRONG_PASSWORD", "Текущий пароль введён неверно.", [
      { path: "currentPassword", message: "Текущий пароль введён неверно." },
    ]);
    expect(contactError(wrong, "PHONE")).toEqual({ place: "password", message: "Текущий пароль введён неверно." });
  });

  it("says how long to wait for a new code", () => {
    const wait = new ApiError(429, "TOO_MANY_REQUESTS", "Слишком много попыток.", [], { retryAfterSeconds: 42 });
    expect(contactError(wait, "EMAIL")).toEqual({
      place: "form",
      message: "Новый код можно запросить через 42 с.",
      retryAfterSeconds: 42,
    });
  });
});
