import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError } from "./api-client.ts";

/**
 * Puts the API's field errors on the form's fields; returns the message for the form as a whole
 * (for errors that belong to no field, or fields the form does not have). `rename` maps the API's
 * field to the form's where they differ (`amountKopecks` typed as rubles in `amount`).
 */
export function applyApiError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownFields: readonly Path<T>[],
  rename: Record<string, Path<T>> = {},
): string | null {
  if (!(error instanceof ApiError)) return "Что-то пошло не так. Повторите попытку.";
  let unplaced = error.fields.length === 0;
  for (const field of error.fields) {
    const path = rename[field.path] ?? field.path;
    if ((knownFields as readonly string[]).includes(path)) {
      setError(path as Path<T>, { type: "server", message: field.message }, { shouldFocus: true });
    } else {
      unplaced = true;
    }
  }
  return unplaced ? error.message : null;
}
