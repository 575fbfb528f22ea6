import { createHmac, randomBytes } from "node:crypto";
import { digest } from "../../lib/digest.ts";

/** 256 random bits; only its hash is stored, so a database leak yields no usable token. */
export function newRefreshToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashRefreshToken(token: string): string {
  return digest(token);
}

/**
 * The token that replaces `token` on rotation: derived with the server's key, so the same token
 * always has the same successor (a refresh repeated within the grace gets it again, not a new
 * chain), and nobody without the key can compute it.
 */
export function successorOf(token: string, key: string): string {
  return createHmac("sha256", key).update(`refresh-successor:${token}`).digest("base64url");
}
