import { type PayBody, type Payment, paymentRoutes } from "@lk/contract/payments";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { retryIdempotentChange } from "../../../lib/query-client.ts";
import { paymentKeys } from "./keys.ts";

export interface PayInput {
  accountId: string;
  body: PayBody;
}

/**
 * «Оплатить»: a payment «в обработке» and the acquirer's page to go to; the same idempotencyKey
 * again returns the first payment and its page, never a second charge.
 */
export const pay = ({ accountId, body }: PayInput) => apiCall(paymentRoutes.pay, { params: { accountId }, body });

/**
 * What a payment's outcome changes: the list of payments at once (a new row, whatever its status);
 * once it is accepted, the bills' «Оплачено» and, through `onAccepted` (the app's), the balance.
 * The bank may answer later than the payment was made, so this runs again when it does.
 */
export function usePaymentOutcome(accountId: string, onAccepted?: () => unknown) {
  const queryClient = useQueryClient();
  return async (payment: Payment) => {
    const tasks: Promise<unknown>[] = [queryClient.invalidateQueries({ queryKey: paymentKeys.lists(accountId) })];
    if (payment.status === "ACCEPTED") {
      tasks.push(queryClient.invalidateQueries({ queryKey: paymentKeys.billDetails(accountId) }));
      tasks.push(Promise.resolve(onAccepted?.()));
    }
    await Promise.all(tasks);
  };
}

export function usePay(accountId: string, { onAccepted }: { onAccepted?: () => unknown } = {}) {
  const outcome = usePaymentOutcome(accountId, onAccepted);
  return useMutation({
    mutationFn: (body: PayBody) => pay({ accountId, body }),
    // The key makes a repeat harmless (never a second charge): sent again when the server asks.
    retry: retryIdempotentChange,
    onSuccess: ({ payment }) => outcome(payment),
  });
}

/**
 * Sends the browser to the acquirer's page. Only a path of this site or an https address is
 * followed: whatever the answer says, never a `javascript:` or other scheme.
 */
export function goToAcquirer(confirmationUrl: string): boolean {
  const target = new URL(confirmationUrl, window.location.origin);
  const safe = target.origin === window.location.origin || target.protocol === "https:";
  if (safe) leavePage.to(target.href);
  return safe;
}

/** Leaving the app for another page (a seam: tests without a browser watch it instead). */
export const leavePage = { to: (href: string) => window.location.assign(href) };
