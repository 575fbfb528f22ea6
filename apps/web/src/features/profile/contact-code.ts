import type { ContactCodeBody, ContactKind } from "@lk/contract/profile";

/** A code on its way: where to, and when another may be asked for. */
export interface SentCode {
  value: string;
  /** Timestamp (ms) from which «Отправить код ещё раз» works. */
  resendAt: number;
  /** Said above the field (e.g. that a code went out a moment ago already). */
  note?: string;
}

/** The code request; a change of login carries the current password (confirming the current one needs none). */
export const contactBody = (kind: ContactKind, value: string, currentPassword?: string): ContactCodeBody => {
  const password = currentPassword === undefined ? {} : { currentPassword };
  return kind === "EMAIL" ? { kind, value, ...password } : { kind, value, ...password };
};

/** The moment a code may be asked for again, from the server's seconds. */
export const resendAt = (seconds: number) => Date.now() + seconds * 1000;

/** What the customer types, as the code: digits only, six at most (a pasted «123 456» works). */
export const codeDigits = (typed: string) => typed.replace(/\D/g, "").slice(0, 6);
