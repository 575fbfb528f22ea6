import { DomainError } from "../domain-error.ts";

/** The DomainError a rule refuses with (for tests): fails the test when the rule lets it through. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("not refused");
}
