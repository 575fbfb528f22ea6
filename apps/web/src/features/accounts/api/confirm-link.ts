import { accountRoutes, type ConfirmLinkBody } from "@lk/contract/accounts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { accountKeys } from "./keys.ts";

/** «Подтвердить»: the answer to the control question; on success the account is linked. */
export const confirmLink = async (body: ConfirmLinkBody) =>
  (await apiCall(accountRoutes.confirmLink, { body })).account;

export function useConfirmLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.list() }),
  });
}
