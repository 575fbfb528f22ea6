// Reading what the mock "sent" as the customer reads it. The ends are matched by what is around
// them (not by \b): a URL-safe token may end in «-», where a word boundary does not hold.

/** The six-digit code in a message. */
export function codeIn(text: string | undefined): string {
  return /(?<!\d)(\d{6})(?!\d)/.exec(text ?? "")?.[1] ?? "";
}

/** The token of the first link to `path` in a message (`/reset-password` → its `?token=`). */
export function tokenIn(text: string | undefined, path: string): string {
  const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`${escaped}\\?token=([A-Za-z0-9_-]+)`).exec(text ?? "")?.[1] ?? "";
}
