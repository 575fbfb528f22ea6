import { type FieldError, toFieldErrors, type ValidationIssue } from "./errors.ts";

// NUL and the other C0 controls (but tab, line feed and carriage return) and DEL: nothing a
// customer types, and PostgreSQL refuses NUL in text outright.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTER_MESSAGE = "Поле содержит недопустимый (управляющий) символ.";

/**
 * Every string anywhere in a request's input (body, query, path parameters) that holds a control
 * character, as validation issues. Both the API and the mock run it before the route's schemas,
 * so no route can forget it and no such string reaches the database.
 */
export function controlCharacterIssues(value: unknown, path: PropertyKey[] = []): ValidationIssue[] {
  if (typeof value === "string") {
    return CONTROL.test(value) ? [{ path, code: "control_character", message: CONTROL_CHARACTER_MESSAGE }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => controlCharacterIssues(item, [...path, index]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(CONTROL.test(key)
        ? [{ path: [...path, key], code: "control_character", message: CONTROL_CHARACTER_MESSAGE }]
        : []),
      ...controlCharacterIssues(item, [...path, key]),
    ]);
  }
  return [];
}

/**
 * The first part of a request (path parameters, query, body) holding a control character, with
 * its fields, as the error's details; null when there is none. The API and the mock both ask this.
 */
export function controlCharacterRefusal(parts: {
  params?: unknown;
  query?: unknown;
  body?: unknown;
}): { location: "params" | "query" | "body"; fields: FieldError[] } | null {
  for (const location of ["params", "query", "body"] as const) {
    const issues = controlCharacterIssues(parts[location]);
    if (issues.length) return { location, fields: toFieldErrors(issues) };
  }
  return null;
}
