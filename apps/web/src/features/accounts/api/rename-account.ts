import { accountRoutes } from "@lk/contract/accounts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { accountKeys } from "./keys.ts";

/** «Переименовать»: the answer is the new list, so the sidebar needs no refetch. */
export const renameAccount = async ({ accountId, nickname }: { accountId: string; nickname: string }) =>
  (await apiCall(accountRoutes.rename, { params: { accountId }, body: { nickname } })).accounts;

export function useRenameAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renameAccount,
    onSuccess: (accounts, { accountId }) => {
      queryClient.setQueryData(accountKeys.list(), accounts);
      // The account's page shows the name in its title.
      return queryClient.invalidateQueries({ queryKey: accountKeys.detail(accountId) });
    },
  });
}
