import { accountRoutes } from "@lk/contract/accounts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { accountKeys } from "./keys.ts";

/** «Сделать основным»: the answer is the new list, so the sidebar needs no refetch. */
export const makePrimary = async (accountId: string) =>
  (await apiCall(accountRoutes.makePrimary, { params: { accountId } })).accounts;

export function useMakePrimary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: makePrimary,
    onSuccess: (accounts) => {
      queryClient.setQueryData(accountKeys.list(), accounts);
      // Two accounts changed their flag: the old primary and the new one.
      return queryClient.invalidateQueries({ queryKey: accountKeys.details() });
    },
  });
}
