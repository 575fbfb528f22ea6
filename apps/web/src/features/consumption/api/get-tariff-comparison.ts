import { consumptionRoutes } from "@lk/contract/consumption";
import { useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { consumptionKeys } from "./keys.ts";

/** «Какой тариф выгоднее»: the last twelve months costed on each plan (refreshed when a reading is sent). */
export function useTariffComparison(accountId: string) {
  return useQuery({
    queryKey: consumptionKeys.tariffComparison(accountId),
    queryFn: () => apiCall(consumptionRoutes.tariffComparison, { params: { accountId } }),
  });
}
