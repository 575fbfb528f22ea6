import { readingRoutes, type SubmitReadingBody, type SubmitReadingResult } from "@lk/contract/readings";
import { type UseMutationOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiCall } from "../../../lib/api-client.ts";
import { retryIdempotentChange } from "../../../lib/query-client.ts";
import { readingKeys } from "./keys.ts";

export interface SubmitReadingInput {
  accountId: string;
  meterId: string;
  body: SubmitReadingBody;
}

/** «Передать»: all zones of one meter; a retry with the same idempotencyKey creates nothing new. */
export const submitReading = ({ accountId, meterId, body }: SubmitReadingInput) =>
  apiCall(readingRoutes.submit, { params: { accountId, meterId }, body });

const REFUSALS = new Set(["WINDOW_CLOSED", "METER_AUTOMATED", "METER_FAULTY"]);

type Options = UseMutationOptions<SubmitReadingResult, Error, SubmitReadingInput>;

/** The caller's config runs after the feature's own invalidation (e.g. the account page's meters). */
export function useSubmitReading({ mutationConfig }: { mutationConfig?: Options } = {}) {
  const queryClient = useQueryClient();
  const { onSuccess, onError, ...rest } = mutationConfig ?? {};
  return useMutation({
    // The key makes a repeat harmless: sent again by itself when the server asks (503, Retry-After).
    retry: retryIdempotentChange,
    ...rest,
    mutationFn: submitReading,
    onSuccess: async (...args) => {
      const { accountId } = args[1];
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: readingKeys.state(accountId) }),
        queryClient.invalidateQueries({ queryKey: readingKeys.histories(accountId) }),
      ]);
      await onSuccess?.(...args);
    },
    onError: async (...args) => {
      // A refusal means the window or the meter changed since the page loaded: show the new state.
      const [error, { accountId }] = args;
      if (error instanceof ApiError && REFUSALS.has(error.code)) {
        void queryClient.invalidateQueries({ queryKey: readingKeys.state(accountId) });
      }
      await onError?.(...args);
    },
  });
}
