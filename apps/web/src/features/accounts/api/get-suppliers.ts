import { routes } from "@lk/contract";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { accountKeys } from "./keys.ts";

export const getSuppliers = () => apiCall(routes.accounts.suppliers);

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
