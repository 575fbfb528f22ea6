/** A cookie as an answer's Set-Cookie sets it (the fields `set-cookie-parser` gives, as `inject`'s `cookies`). */
export interface SetCookie {
  name: string;
  value: string;
  path?: string;
  maxAge?: number;
  expires?: Date;
}

/**
 * The cookies of the one browser a scenario stands for: kept from the answers' Set-Cookie, sent
 * back on the requests under their path (the refresh cookie lives at `/api/auth` only), dropped
 * when the server clears them. Keyed by name and path, as a browser keys them on one host.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(set: readonly SetCookie[]): void {
    for (const cookie of set) {
      const path = cookie.path ?? "/";
      const key = `${cookie.name} ${path}`;
      const cleared =
        (cookie.maxAge !== undefined && cookie.maxAge <= 0) ||
        (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (cleared) this.cookies.delete(key);
      else this.cookies.set(key, { name: cookie.name, value: cookie.value, path });
    }
  }

  /** The Cookie header for a request to `url`, if any cookie's path matches it. */
  header(url: string): string | undefined {
    const path = new URL(url, "http://parity.invalid").pathname;
    const sent = [...this.cookies.values()].filter((c) => pathMatches(c.path, path));
    return sent.length ? sent.map((c) => `${c.name}=${c.value}`).join("; ") : undefined;
  }
}

/** RFC 6265, 5.1.4: the path itself, or below it at a `/`. */
function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}
