import type { ErrorBody, ErrorCode } from "@lk/contract";

/** A failure the customer should hear about, with the contract's code. Services throw these. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorBody["error"]["details"],
  ) {
    super(message ?? code);
    this.name = "DomainError";
  }
  get customMessage(): string | undefined {
    return this.message === this.code ? undefined : this.message;
  }
}
