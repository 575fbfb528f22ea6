import { z } from "./zod.ts";

/** Building blocks shared by the feature schemas: the same rule and message everywhere. */

export const Email = z
  .string({ error: "Укажите адрес электронной почты." })
  .trim()
  .toLowerCase()
  .min(1, "Укажите адрес электронной почты.")
  .max(254, "Адрес электронной почты слишком длинный.")
  .pipe(z.email({ error: "Введите адрес электронной почты в виде name@example.ru." }));

const PHONE_DIGITS = /^\+79\d{9}$/;

/** Normalises a Russian mobile number to +79XXXXXXXXX (accepts 8…, 7…, spaces, brackets, dashes). */
export function normalizePhone(input: string): string {
  const digits = input.replace(/[\s()\-.]/g, "");
  if (/^8\d{10}$/.test(digits)) return `+7${digits.slice(1)}`;
  if (/^7\d{10}$/.test(digits)) return `+${digits}`;
  return digits;
}

/** E-mail or phone, as the customer typed it, in the form stored: lower-case e-mail or +7 phone. */
export function normalizeLogin(login: string): string {
  const trimmed = login.trim();
  if (trimmed.includes("@")) return trimmed.toLowerCase();
  const phone = normalizePhone(trimmed);
  return /^\+\d{11}$/.test(phone) ? phone : trimmed.toLowerCase();
}

export const Phone = z
  .string({ error: "Укажите номер мобильного телефона." })
  .max(32, "Номер телефона слишком длинный.")
  .transform(normalizePhone)
  .pipe(z.string().regex(PHONE_DIGITS, "Введите мобильный номер в формате +7 999 123-45-67."));

/** The rule of `Password` as a form's hint says it, beside the field. */
export const PASSWORD_RULE = "Не короче 8 символов, хотя бы одна буква и одна цифра.";

export const Password = z
  .string({ error: "Введите пароль." })
  .min(8, "Пароль должен быть не короче 8 символов.")
  .max(128, "Пароль должен быть не длиннее 128 символов.")
  .regex(/\p{L}/u, "Пароль должен содержать хотя бы одну букву.")
  .regex(/\d/, "Пароль должен содержать хотя бы одну цифру.");

/** The password the customer has now: proves it is them before a login, phone or password changes. */
export const CurrentPassword = z
  .string({ error: "Введите текущий пароль." })
  .min(1, "Введите текущий пароль.")
  .max(128, "Пароль слишком длинный.");

export const FullName = z
  .string({ error: "Укажите ФИО." })
  .trim()
  .min(2, "Укажите ФИО.")
  .max(150, "ФИО слишком длинное.")
  .regex(/^[\p{L}][\p{L} .'’-]*$/u, "ФИО может содержать только буквы, пробелы, дефис и апостроф.");

export const IsoDateTime = z.iso.datetime({ offset: true });
