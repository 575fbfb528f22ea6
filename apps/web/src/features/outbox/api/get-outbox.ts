import { outboxRoutes } from "@lk/contract/outbox";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";

export const outboxKeys = {
  all: ["outbox"] as const,
  list: (to: string) => [...outboxKeys.all, to] as const,
};

/** What the portal sent (development and demos only), newest first; only to `to` when given. */
export const getOutbox = (to: string) => apiCall(outboxRoutes.list, { query: to ? { to } : {} });

export const outboxQueryOptions = (to: string) =>
  // Always fresh: a code sent a second ago is what the developer came for.
  queryOptions({ queryKey: outboxKeys.list(to), queryFn: () => getOutbox(to), staleTime: 0 });

export function useOutbox(to: string) {
  return useQuery({ ...outboxQueryOptions(to), placeholderData: keepPreviousData });
}
