import { type AccountSummary, accountRoutes } from "@lk/contract/accounts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { accountKeys } from "./keys.ts";

/** «Удалить»: only the link goes; the supplier keeps the account's data. */
export const unlinkAccount = (accountId: string) => apiCall(accountRoutes.unlink, { params: { accountId } });

export function useUnlinkAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlinkAccount,
    onSuccess: (_, accountId) => {
      // Gone from the sidebar at once, not after the refetch.
      queryClient.setQueryData<AccountSummary[]>(accountKeys.list(), (accounts) =>
        accounts?.filter((account) => account.id !== accountId),
      );
      // Stale, but not refetched now: its page, if open, is being left and would only flash a 404.
      void queryClient.invalidateQueries({ queryKey: accountKeys.detail(accountId), refetchType: "none" });
      return queryClient.invalidateQueries({ queryKey: accountKeys.list() });
    },
  });
}
