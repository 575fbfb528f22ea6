import type { EarlyRead } from "./early-session.ts";

/**
 * The app's side of the early script (early-session.ts, docs/page-load.md): the API client
 * (lib/api-client.ts) takes the refresh and the reads that script sent before the app arrived,
 * each once, instead of sending its own.
 */

/** Early answers count only this long after the page started: later ones may be out of date. */
const EARLY_ANSWERS_MS = 20_000;

/**
 * The refresh the early script sent, once: the client must not send its own beside it, since the
 * first would rotate the cookie and the second would then look like a stolen one.
 */
export function takeEarlyRefresh(): Promise<Response | null> | undefined {
  const early = window.lkEarly;
  if (!early) {
    // The app came first (both from the cache): an empty start tells the early script, should it
    // run after this, that the client sends the refresh itself.
    window.lkEarly = { reads: new Map(), startedAt: performance.now() };
    return undefined;
  }
  // However old it is: one still on its way must be waited for, never sent again beside it.
  const refresh = early.refresh;
  early.refresh = undefined;
  return refresh;
}

/**
 * An early GET of this URL, once, if it was sent with the session the client holds by the time
 * the answer is there (`currentToken`).
 */
export async function takeEarlyRead(url: string, currentToken: () => string | null): Promise<Response | null> {
  const early = window.lkEarly;
  const read = early?.reads.get(url);
  if (!early || !read) return null;
  early.reads.delete(url);
  if (performance.now() - early.startedAt >= EARLY_ANSWERS_MS) return null;
  const answer: EarlyRead | null = await read;
  return answer && answer.token === currentToken() ? answer.response : null;
}
