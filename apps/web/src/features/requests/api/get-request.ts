import { serviceRequestRoutes } from "@lk/contract/requests";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { requestKeys } from "./keys.ts";

/** One request of the customer's: status, what it changes, documents, history. */
export const getRequest = (accountId: string, requestId: string) =>
  apiCall(serviceRequestRoutes.get, { params: { accountId, requestId } });

export const requestQueryOptions = (accountId: string, requestId: string) =>
  queryOptions({
    queryKey: requestKeys.detail(accountId, requestId),
    queryFn: () => getRequest(accountId, requestId),
  });

export function useRequest(accountId: string, requestId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...requestQueryOptions(accountId, requestId), ...options });
}
