import { type ConfirmContactBody, profileRoutes } from "@lk/contract/profile";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { profileKeys } from "./keys.ts";
import { useStoreProfile } from "./use-store-profile.ts";

/** The code from the message: the new e-mail or phone becomes the login. */
export const confirmContact = (body: ConfirmContactBody) => apiCall(profileRoutes.confirmContact, { body });

export function useConfirmContact() {
  const store = useStoreProfile();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmContact,
    onSuccess: (profile) => {
      store(profile);
      // A confirmed e-mail is what «Получение счёта по e-mail» waits for.
      void queryClient.invalidateQueries({ queryKey: profileKeys.billDelivery() });
    },
  });
}
