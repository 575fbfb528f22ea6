import { type DisableAutoPaymentBody, paymentRoutes } from "@lk/contract/payments";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { ApiError, apiCall } from "../../../lib/api-client.ts";
import { paymentKeys } from "./keys.ts";

type Body = z.input<typeof DisableAutoPaymentBody>;

/** «Отключить»: the active autopayment charges nothing more; the reason is one from the list. */
export const disableAutoPayment = (accountId: string, body: Body) =>
  apiCall(paymentRoutes.disableAutoPayment, { params: { accountId }, body });

const STALE = new Set<string>(["AUTOPAYMENT_STATE"]);

export function useDisableAutoPayment(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => disableAutoPayment(accountId, body),
    onSuccess: (state) => queryClient.setQueryData(paymentKeys.autoPayment(accountId), state),
    // The state (or the terms) changed since the card was shown: show the new one.
    onError: (error) => {
      if (error instanceof ApiError && STALE.has(error.code)) {
        void queryClient.invalidateQueries({ queryKey: paymentKeys.autoPayment(accountId) });
      }
    },
  });
}
