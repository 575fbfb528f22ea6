import { describe, expect, it } from "vitest";
import { RegisterBody } from "./auth.ts";
import { Email, normalizeLogin, normalizePhone, Password, Phone } from "./fields.ts";

describe("normalizePhone", () => {
  it.each([
    ["+7 999 123-45-67", "+79991234567"],
    ["8 (999) 123-45-67", "+79991234567"],
    ["79991234567", "+79991234567"],
    ["+79991234567", "+79991234567"],
    ["8.999.123.45.67", "+79991234567"],
    ["12345", "12345"],
  ])("%s → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});

describe("normalizeLogin", () => {
  it.each([
    [" Maria@Example.RU ", "maria@example.ru"],
    ["8 999 123-45-67", "+79991234567"],
    ["Nobody", "nobody"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeLogin(input)).toBe(expected);
  });
});

describe("Phone", () => {
  it.each(["+7 999 123-45-67", "89991234567"])("accepts %s", (input) => {
    expect(Phone.parse(input)).toBe("+79991234567");
  });
  it.each(["+7 495 123-45-67", "123", "+1 202 555 0100", "8999123456"])(
    "refuses %s as not a Russian mobile",
    (input) => {
      expect(Phone.safeParse(input).error?.issues[0]?.message).toBe(
        "Введите мобильный номер в формате +7 999 123-45-67.",
      );
    },
  );
});

describe("Email", () => {
  it("trims and lower-cases", () => expect(Email.parse("  Ivan@Mail.RU ")).toBe("ivan@mail.ru"));
  it.each(["", "ivan", "ivan@", "@mail.ru", "ivan@mail"])("refuses %j", (input) => {
    expect(Email.safeParse(input).success).toBe(false);
  });
});

describe("Password", () => {
  it.each([
    ["short1", "Пароль должен быть не короче 8 символов."],
    ["onlyletters", "Пароль должен содержать хотя бы одну цифру."],
    ["123456789", "Пароль должен содержать хотя бы одну букву."],
    ["x1".repeat(65), "Пароль должен быть не длиннее 128 символов."],
  ])("refuses %s: %s", (input, message) => {
    expect(Password.safeParse(input).error?.issues.map((i) => i.message)).toContain(message);
  });
  it("accepts Cyrillic letters", () => expect(Password.safeParse("пароль2026").success).toBe(true));
});

describe("RegisterBody", () => {
  it("treats an empty phone as none", () => {
    const parsed = RegisterBody.parse({ email: "a@b.ru", phone: "", fullName: "Иван Петров", password: "abcd1234" });
    expect(parsed.phone).toBeUndefined();
  });
  it("refuses unknown fields", () => {
    const result = RegisterBody.safeParse({
      email: "a@b.ru",
      fullName: "Иван",
      password: "abcd1234",
      role: "OPERATOR",
    });
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["role"] });
  });
});
