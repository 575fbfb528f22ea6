import { readingRoutes } from "@lk/contract/readings";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { readingKeys } from "./keys.ts";

/** The reading window, and for each meter its last reading, what was sent this month and why not, if not. */
export const getReadingsState = (accountId: string) => apiCall(readingRoutes.state, { params: { accountId } });

export const readingsStateQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: readingKeys.state(accountId), queryFn: () => getReadingsState(accountId) });

/** `enabled: false` holds the request back (pending meanwhile), as react-query's own option. */
export function useReadingsState(accountId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...readingsStateQueryOptions(accountId), enabled });
}
