import { type AuthSession, authRoutes, type User } from "@lk/contract/auth";
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall, mayHaveSession, refreshSession, setAccessToken } from "../../../lib/api-client.ts";

export const sessionKeys = { current: ["session"] as const };

/**
 * Who is signed in: restored from the refresh cookie on load, `null` when nobody is (known at
 * once, without a request, when the session hint is absent).
 */
export const sessionQueryOptions = queryOptions({
  queryKey: sessionKeys.current,
  queryFn: async (): Promise<User | null> => (mayHaveSession() ? ((await refreshSession())?.user ?? null) : null),
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});

/** An operator works the request queue; everyone else is a customer with accounts. */
export const isOperator = (user: User | null | undefined): boolean => user?.role === "OPERATOR";

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** Keeps a fresh session: the token in memory, the user in the cache, old data gone. */
export function useStartSession() {
  const queryClient = useQueryClient();
  return (session: AuthSession) => {
    signedOutOnPurpose = false;
    setAccessToken(session.accessToken);
    removeCustomerData(queryClient);
    queryClient.setQueryData(sessionKeys.current, session.user);
  };
}

/**
 * Nobody is signed in any more: the session first, so the cabinet leaves the screen before its
 * data goes (cleared first, its queries would ask the server again, unauthorised), then the rest.
 */
export function endSessionData(queryClient: QueryClient): void {
  queryClient.setQueryData(sessionKeys.current, null);
  removeCustomerData(queryClient);
}

/** Everything cached but the session itself: another customer's (or nobody's) from now on. */
function removeCustomerData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.current[0] });
}

/**
 * Whether the last session ended by «Выйти» rather than by expiring: then the sign-in page does
 * not offer to come back to the page the customer left (RequireSession's `?next=`).
 */
let signedOutOnPurpose = false;
export const wasSignedOutOnPurpose = () => signedOutOnPurpose;

/**
 * The session ended on purpose (signed out, or ended for every browser by a link): nothing of it
 * stays in this page, and sign-in starts afresh instead of offering the page left behind.
 */
export function forgetSession(queryClient: QueryClient): void {
  signedOutOnPurpose = true;
  setAccessToken(null);
  endSessionData(queryClient);
}

/** «Выйти»: the session ends on the server; RequireSession takes the customer to sign-in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(authRoutes.signOut),
    onSettled: () => forgetSession(queryClient),
  });
}
