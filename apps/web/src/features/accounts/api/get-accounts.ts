import { accountRoutes } from "@lk/contract/accounts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { accountKeys } from "./keys.ts";

/** The customer's linked accounts, the primary first. */
export const getAccounts = async () => (await apiCall(accountRoutes.list)).accounts;

export const accountsQueryOptions = () => queryOptions({ queryKey: accountKeys.list(), queryFn: getAccounts });

export function useAccounts() {
  return useQuery(accountsQueryOptions());
}
