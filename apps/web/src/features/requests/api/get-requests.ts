import { serviceRequestRoutes } from "@lk/contract/requests";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { requestKeys } from "./keys.ts";

/** «Мои заявки» on one account, newest first. */
export const getRequests = (accountId: string) => apiCall(serviceRequestRoutes.list, { params: { accountId } });

export const requestsQueryOptions = (accountId: string) =>
  queryOptions({
    queryKey: requestKeys.list(accountId),
    queryFn: () => getRequests(accountId),
    select: (data) => data.requests,
  });

/** `enabled: false` holds the request back (pending meanwhile), as react-query's own option. */
export function useRequests(accountId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...requestsQueryOptions(accountId), enabled });
}
