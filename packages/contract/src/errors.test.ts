import { describe, expect, it } from "vitest";
import { errorBody, errorCodes, errorMessages, errorStatus, toFieldErrors } from "./errors.ts";

describe("errors", () => {
  it("every code has a Russian message and an HTTP status", () => {
    for (const code of errorCodes) {
      expect(errorMessages[code]).toMatch(/[А-Яа-яЁё]/);
      expect(errorStatus[code]).toBeGreaterThanOrEqual(400);
    }
  });

  it("builds the error body with the default message", () => {
    expect(errorBody("NOT_FOUND")).toEqual({ error: { code: "NOT_FOUND", message: "Не найдено." } });
  });

  it("names unknown fields by themselves", () => {
    expect(
      toFieldErrors([
        { path: [], code: "unrecognized_keys", message: "x", keys: ["role", "admin"] },
        { path: ["address", "city"], code: "too_small", message: "Укажите город." },
      ]),
    ).toEqual([
      { path: "role", message: "Неизвестное поле «role»." },
      { path: "admin", message: "Неизвестное поле «admin»." },
      { path: "address.city", message: "Укажите город." },
    ]);
  });
});
