import { type ApplyAutoPaymentBody, paymentRoutes } from "@lk/contract/payments";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiCall } from "../../../lib/api-client.ts";
import { paymentKeys } from "./keys.ts";
import { goToAcquirer } from "./pay.ts";

/**
 * «Подать заявление»: the terms' version accepted, the maximum, the e-mail for receipts; the answer
 * is the application waiting for its card and the acquirer's page where the card is bound.
 */
export const applyAutoPayment = (accountId: string, body: ApplyAutoPaymentBody) =>
  apiCall(paymentRoutes.applyAutoPayment, { params: { accountId }, body });

/** «Привязать карту» again (the bank refused the first one): a new page at the acquirer. */
export const bindAutoPaymentCard = (accountId: string) =>
  apiCall(paymentRoutes.bindAutoPaymentCard, { params: { accountId } });

export function useBindAutoPaymentCard(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => bindAutoPaymentCard(accountId),
    onSuccess: ({ confirmationUrl, ...state }) => {
      queryClient.setQueryData(paymentKeys.autoPayment(accountId), state);
      goToAcquirer(confirmationUrl);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: paymentKeys.autoPayment(accountId) }),
  });
}

const STALE = new Set<string>(["AUTOPAYMENT_EXISTS", "TERMS_CHANGED"]);

export function useApplyAutoPayment(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyAutoPaymentBody) => applyAutoPayment(accountId, body),
    // The answer is the new state of «Автоплатеж» (nothing to fetch again) and the acquirer's page.
    onSuccess: ({ confirmationUrl, ...state }) => {
      queryClient.setQueryData(paymentKeys.autoPayment(accountId), state);
      goToAcquirer(confirmationUrl);
    },
    // The state (or the terms) changed since the card was shown: show the new one.
    onError: (error) => {
      if (error instanceof ApiError && STALE.has(error.code)) {
        void queryClient.invalidateQueries({ queryKey: paymentKeys.autoPayment(accountId) });
      }
    },
  });
}
