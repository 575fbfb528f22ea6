import { accountRoutes } from "@lk/contract/accounts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { accountKeys } from "./keys.ts";

/** One account's main page: balance, last bill, meters. */
export const getAccount = (accountId: string) => apiCall(accountRoutes.get, { params: { accountId } });

export const accountQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: accountKeys.detail(accountId), queryFn: () => getAccount(accountId) });

export function useAccount(accountId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...accountQueryOptions(accountId), ...options });
}
