import { authRoutes, type PasswordResetConfirmBody } from "@lk/contract/auth";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall, setAccessToken } from "../../../lib/api-client.ts";
import { sessionKeys } from "./session.ts";

/** The new password, by the link's token; the server ends every session of the customer. */
export const resetPassword = (body: PasswordResetConfirmBody) => apiCall(authRoutes.passwordResetConfirm, { body });

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    // Whoever was signed in in this browser is signed out now, as everywhere else.
    onSuccess: () => {
      setAccessToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.current, null);
    },
  });
}
