import { createHmac, timingSafeEqual } from "node:crypto";
import type { AcquirerCallback } from "@lk/contract";
import { acquirerCallbackText } from "@lk/domain";

type Fields = Omit<AcquirerCallback, "signature">;

/** The callback's signature: HMAC-SHA256 with the shared secret over @lk/domain's acquirerCallbackText, hex. */
export function signCallback(secret: string, f: Fields): string {
  return createHmac("sha256", secret).update(acquirerCallbackText(f), "utf8").digest("hex");
}

/** Whether the callback was signed with the secret (compared in constant time). */
export function signedBy(secret: string, callback: AcquirerCallback): boolean {
  const { signature, ...fields } = callback;
  const expected = Buffer.from(signCallback(secret, fields), "hex");
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
