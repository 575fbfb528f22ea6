import { accountRoutes } from "@lk/contract/accounts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { accountKeys } from "./keys.ts";

export const getSuppliers = () => apiCall(accountRoutes.suppliers);

export const suppliersQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.suppliers(),
    queryFn: getSuppliers,
    // Suppliers and their number formats change rarely: one request per visit is enough.
    staleTime: 60 * 60_000,
  });

export function useSuppliers() {
  return useQuery(suppliersQueryOptions());
}
