import { operatorRoutes } from "@lk/contract/requests";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { requestKeys } from "./keys.ts";

/** A request with the customer and the account as it is now, for the operator's decision. */
export const getOperatorRequest = (requestId: string) => apiCall(operatorRoutes.get, { params: { requestId } });

export const operatorRequestQueryOptions = (requestId: string) =>
  queryOptions({ queryKey: requestKeys.operatorRequest(requestId), queryFn: () => getOperatorRequest(requestId) });

export function useOperatorRequest(requestId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...operatorRequestQueryOptions(requestId), ...options });
}
