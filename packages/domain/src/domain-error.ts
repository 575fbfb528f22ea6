import type { ErrorBody, ErrorCode } from "@lk/contract/errors";

/**
 * A refusal the customer should hear about, with the contract's code. The domain's decisions throw
 * it; the API's error handler and the mock's route wrapper both answer it as the contract's error,
 * so a rule refuses in one place with one wording.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorBody["error"]["details"],
  ) {
    super(message ?? code);
    this.name = "DomainError";
  }
  /** The message when it is not the code's standard one. */
  get customMessage(): string | undefined {
    return this.message === this.code ? undefined : this.message;
  }
}

/** A refusal of one field of the body, as zod's would be. */
export function fieldRefusal(path: string, message: string): DomainError {
  return new DomainError("VALIDATION_FAILED", undefined, { location: "body", fields: [{ path, message }] });
}
