import type { ErrorBody, ErrorCode } from "@lk/contract";

/** What a mock handler throws to answer with the contract's error (like DomainError in the API). */
export class MockError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorBody["error"]["details"],
  ) {
    super(message ?? code);
  }
}
