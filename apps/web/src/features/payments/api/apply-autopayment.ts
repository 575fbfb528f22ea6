import { type ApplyAutoPaymentBody, paymentRoutes } from "@lk/contract/payments";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiCall } from "../../../lib/api-client.ts";
import { paymentKeys } from "./keys.ts";

/** «Подать заявление»: the terms' version accepted, the card (to the gateway), the maximum, the e-mail for receipts. */
export const applyAutoPayment = (accountId: string, body: ApplyAutoPaymentBody) =>
  apiCall(paymentRoutes.applyAutoPayment, { params: { accountId }, body });

const STALE = new Set<string>(["AUTOPAYMENT_EXISTS", "TERMS_CHANGED"]);

export function useApplyAutoPayment(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyAutoPaymentBody) => applyAutoPayment(accountId, body),
    // The answer is the new state of «Автоплатеж»: nothing to fetch again.
    onSuccess: (state) => queryClient.setQueryData(paymentKeys.autoPayment(accountId), state),
    // The state (or the terms) changed since the card was shown: show the new one.
    onError: (error) => {
      if (error instanceof ApiError && STALE.has(error.code)) {
        void queryClient.invalidateQueries({ queryKey: paymentKeys.autoPayment(accountId) });
      }
    },
    // The variables hold the card: the mutation leaves the cache as soon as nothing shows it.
    gcTime: 0,
  });
}
