import { paymentRoutes } from "@lk/contract/payments";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiCall } from "../../../lib/api-client.ts";
import { paymentKeys } from "./keys.ts";

/** «Аннулировать»: withdraws an application that is not active yet. */
export const annulAutoPayment = (accountId: string) =>
  apiCall(paymentRoutes.annulAutoPayment, { params: { accountId } });

const STALE = new Set<string>(["AUTOPAYMENT_STATE"]);

export function useAnnulAutoPayment(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => annulAutoPayment(accountId),
    onSuccess: (state) => queryClient.setQueryData(paymentKeys.autoPayment(accountId), state),
    // The state (or the terms) changed since the card was shown: show the new one.
    onError: (error) => {
      if (error instanceof ApiError && STALE.has(error.code)) {
        void queryClient.invalidateQueries({ queryKey: paymentKeys.autoPayment(accountId) });
      }
    },
  });
}
