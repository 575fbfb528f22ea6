import { type ConfirmLinkBody, routes } from "@lk/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { accountKeys } from "./keys.ts";

/** «Подтвердить»: the answer to the control question; on success the account is linked. */
export const confirmLink = async (body: ConfirmLinkBody) =>
  (await apiCall(routes.accounts.confirmLink, { body })).account;

export function useConfirmLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.list() }),
  });
}
