import { paymentRoutes } from "@lk/contract/payments";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { paymentKeys } from "./keys.ts";

/** «Автоплатеж»: the current application or service, and the terms in force. */
export const getAutoPayment = (accountId: string) => apiCall(paymentRoutes.autoPayment, { params: { accountId } });

export const autoPaymentQueryOptions = (accountId: string) =>
  queryOptions({ queryKey: paymentKeys.autoPayment(accountId), queryFn: () => getAutoPayment(accountId) });

export function useAutoPayment(accountId: string) {
  return useQuery(autoPaymentQueryOptions(accountId));
}
