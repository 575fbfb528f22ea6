/**
 * The first requests of a signed-in visit, sent before the app has even downloaded.
 *
 * The server gives visitors with a session a page that loads this small module beside the app
 * (index.signed-in.html, build/route-preload.ts). On a slow phone the app's scripts take a second
 * or more to arrive and start; only then would they ask for the session and then for the data of
 * the first screen (boot/first-screen.ts), one after the other. This module asks for the session
 * and, with its token, for the accounts on the left and the account the address names, and the
 * API client takes the answers instead of asking again (early-answers.ts): the page appears a
 * whole round trip chain earlier. How a page loads: docs/page-load.md.
 *
 * It imports nothing (it must stay a few hundred bytes and never share a chunk with the app), so
 * the paths, the cookie's name and the operator's role are written here; a unit test checks them
 * against the contract.
 * The refresh is sent only here or only by the client, never both: the server rotates the refresh
 * cookie on every use and treats a second use of the old one as theft. Whichever of the two runs
 * first claims it through `window.lkEarly`.
 */

export const EARLY_PATHS = {
  sessionHintCookie: "lk_session",
  refresh: "/api/auth/refresh",
  accounts: "/api/accounts",
  account: "/api/accounts/:accountId",
  operatorRole: "OPERATOR",
} as const;

/** An answer fetched early with the session's token, and that token. */
export interface EarlyRead {
  token: string;
  response: Response;
}

export interface EarlyStart {
  /** The refresh answer (null if the network failed); taken once by the client. */
  refresh?: Promise<Response | null>;
  /** GET answers by URL, fetched with the refreshed session's token; each taken once. */
  reads: Map<string, Promise<EarlyRead | null>>;
  /** When this ran (performance.now()): an early answer is only used soon after. */
  startedAt: number;
}

declare global {
  interface Window {
    lkEarly?: EarlyStart;
  }
}

const ACCOUNT_PAGE = /^\/accounts\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/**
 * Starts the session refresh and, with its token, the reads of the accounts on the left (not for
 * an operator, who has none) and, on an account's page, of that account.
 */
export function startEarlySession(): EarlyStart | undefined {
  const hinted = document.cookie.split(";").some((pair) => pair.trim().startsWith(`${EARLY_PATHS.sessionHintCookie}=`));
  if (!hinted) return undefined;
  const refresh = fetch(EARLY_PATHS.refresh, {
    method: "POST",
    headers: { accept: "application/json" },
    credentials: "same-origin",
  }).catch(() => null);
  // A copy: the client reads the original and checks it against the contract.
  const session = refresh
    .then((answer) => (answer?.ok ? (answer.clone().json() as Promise<EarlySession>) : null))
    .catch(() => null);
  const read = (url: string, skip?: (session: EarlySession) => boolean) =>
    session
      .then(async (current) => {
        if (typeof current?.accessToken !== "string" || skip?.(current)) return null;
        const token = current.accessToken;
        const response = await fetch(url, {
          headers: { accept: "application/json", authorization: `Bearer ${token}` },
          credentials: "same-origin",
        });
        return { token, response };
      })
      .catch(() => null);
  const reads = new Map<string, Promise<EarlyRead | null>>();
  reads.set(
    EARLY_PATHS.accounts,
    read(EARLY_PATHS.accounts, (current) => current.user?.role === EARLY_PATHS.operatorRole),
  );
  const accountId = ACCOUNT_PAGE.exec(window.location.pathname)?.[1];
  if (accountId) {
    const url = EARLY_PATHS.account.replace(":accountId", accountId);
    reads.set(url, read(url));
  }
  return { refresh, reads, startedAt: performance.now() };
}

/** What this script reads of the refresh answer (the client checks all of it). */
interface EarlySession {
  accessToken?: unknown;
  user?: { role?: unknown };
}

// Unless the app has already started and sent the refresh itself (early-answers.ts).
window.lkEarly ??= startEarlySession();
