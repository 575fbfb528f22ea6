import { paymentRoutes } from "@lk/contract/payments";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { paymentKeys } from "./keys.ts";

/** The printable bill: charges by zone (kWh × rate), totals and what has been paid towards it. */
export const getBill = (accountId: string, billId: string) =>
  apiCall(paymentRoutes.bill, { params: { accountId, billId } });

export const billQueryOptions = (accountId: string, billId: string) =>
  queryOptions({ queryKey: paymentKeys.bill(accountId, billId), queryFn: () => getBill(accountId, billId) });

export function useBill(accountId: string, billId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...billQueryOptions(accountId, billId), ...options });
}
