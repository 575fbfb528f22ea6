import { type Payment, paymentRoutes } from "@lk/contract/payments";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { paymentKeys } from "./keys.ts";

/** One payment; for one «В обработке» the server asks the bank again. */
export const getPayment = (accountId: string, paymentId: string) =>
  apiCall(paymentRoutes.get, { params: { accountId, paymentId } });

export const paymentQueryOptions = (accountId: string, paymentId: string) =>
  queryOptions({
    queryKey: paymentKeys.payment(accountId, paymentId),
    queryFn: () => getPayment(accountId, paymentId),
  });

/** How often to ask about a payment the bank has not answered. */
export const PAYMENT_POLL_MS = 2_000;

/**
 * A payment just made, asked about again every 2 s while it is «В обработке», and no more once
 * the bank has answered.
 */
export function usePaymentUntilSettled(accountId: string, payment: Payment) {
  return useQuery({
    ...paymentQueryOptions(accountId, payment.id),
    initialData: payment,
    initialDataUpdatedAt: Date.now(),
    staleTime: PAYMENT_POLL_MS,
    refetchInterval: (query) => (query.state.data?.status === "PROCESSING" ? PAYMENT_POLL_MS : false),
  });
}
