import type { WarningCode } from "@lk/domain";
import type { TypedValues } from "./reading-preview.ts";

/** One logical «Передать»: its idempotency key and what the customer has confirmed for these values. */
export interface Submission {
  key: string;
  /** The values it was made for: other values make another submission. */
  signature: string;
  confirmRollover: boolean;
  confirmLargeJump: boolean;
}

const signatureOf = (values: TypedValues) =>
  JSON.stringify(
    Object.entries(values)
      .map(([zone, value]) => [zone, value?.trim() ?? ""])
      .sort(),
  );

/**
 * The same values sent again (after a confirmation, a network error) are the same submission, with the
 * same key, so the server saves them once; changed values, or the first send after a success, are a new one.
 */
export function submissionFor(
  current: Submission | null,
  values: TypedValues,
  newKey: () => string = () => crypto.randomUUID(),
): Submission {
  const signature = signatureOf(values);
  if (current && current.signature === signature) return current;
  return { key: newKey(), signature, confirmRollover: false, confirmLargeJump: false };
}

/** The submission with the customer's «Подтвердить» for these warnings added. */
export function withConfirmed(submission: Submission, codes: readonly WarningCode[]): Submission {
  return {
    ...submission,
    confirmRollover: submission.confirmRollover || codes.includes("ROLLOVER"),
    confirmLargeJump: submission.confirmLargeJump || codes.includes("LARGE_JUMP"),
  };
}
