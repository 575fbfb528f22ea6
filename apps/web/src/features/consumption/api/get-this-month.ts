import { consumptionRoutes } from "@lk/contract/consumption";
import { useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { consumptionKeys } from "./keys.ts";

/** «Этот месяц»: the use since the last bill and the month's forecast (refreshed when a reading is sent). */
export function useThisMonth(accountId: string) {
  return useQuery({
    queryKey: consumptionKeys.thisMonth(accountId),
    queryFn: () => apiCall(consumptionRoutes.thisMonth, { params: { accountId } }),
  });
}
