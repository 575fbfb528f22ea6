import { AccountIdParams } from "@lk/contract/accounts";
import type { QueryClient } from "@tanstack/react-query";
import { matchPath } from "react-router";
import { ACCOUNT_PAGE_PATH } from "../app/router.tsx";
import { accountQueryOptions } from "../features/accounts/api/get-account.ts";
import { accountsQueryOptions } from "../features/accounts/api/get-accounts.ts";
import { isOperator, sessionQueryOptions } from "../features/auth/api/session.ts";

/** How long the first paint waits for the data at most; past it the page shows its loaders. */
export const FIRST_SCREEN_WAIT_MS = 3000;

/**
 * The data of a signed-in visit's first screen, in the cache before the first paint: the
 * session, the accounts on the left and, on an account's page, that account. The page then
 * appears once, whole, instead of as a frame of loaders that fills in a moment later (and
 * re-renders on a slow phone, three times over, while the customer tries to read it).
 *
 * The answers are mostly there already: the page's early script asked for them while the app was
 * still downloading (early-session.ts), and the API client takes them from it. Errors are left
 * in the cache for the pages to show, as they would have shown them anyway. How a page loads:
 * docs/page-load.md.
 */
export async function loadFirstScreen(
  queryClient: QueryClient,
  pathname: string,
  waitMs = FIRST_SCREEN_WAIT_MS,
): Promise<void> {
  const load = async () => {
    const user = await queryClient.fetchQuery(sessionQueryOptions).catch(() => null);
    if (!user || isOperator(user)) return;
    // As the account page itself: a malformed id is nobody's account and is not asked for.
    const account = AccountIdParams.safeParse(matchPath(`/${ACCOUNT_PAGE_PATH}`, pathname)?.params);
    await Promise.all([
      queryClient.prefetchQuery(accountsQueryOptions()),
      account.success ? queryClient.prefetchQuery(accountQueryOptions(account.data.accountId)) : undefined,
    ]);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
  });
  await Promise.race([load(), timeout]);
  clearTimeout(timer);
}
