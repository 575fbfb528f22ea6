import { createHash } from "node:crypto";

/** SHA-256 of a text, hex: what is stored when only equality matters (request fingerprints). */
export function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
