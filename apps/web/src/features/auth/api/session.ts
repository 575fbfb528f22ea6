import { type AuthSession, routes, type User } from "@lk/contract";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiCall, refreshSession, setAccessToken } from "../../../lib/api-client.ts";

export const sessionKeys = { current: ["session"] as const };

/** Who is signed in: restored from the refresh cookie on load, `null` when nobody is. */
export const sessionQueryOptions = queryOptions({
  queryKey: sessionKeys.current,
  queryFn: async (): Promise<User | null> => (await refreshSession())?.user ?? null,
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** Keeps a fresh session: the token in memory, the user in the cache, old data gone. */
export function useStartSession() {
  const queryClient = useQueryClient();
  return (session: AuthSession) => {
    setAccessToken(session.accessToken);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.current[0] });
    queryClient.setQueryData(sessionKeys.current, session.user);
  };
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(routes.auth.signOut),
    onSettled: () => {
      setAccessToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.current, null);
    },
  });
}
