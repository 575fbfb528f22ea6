import type { User } from "@lk/contract/auth";
import { type ChangePasswordBody, profileRoutes } from "@lk/contract/profile";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall, setAccessToken } from "../../../lib/api-client.ts";
import { sessionKeys } from "../../auth/api/session.ts";

/**
 * A new password, with the current one. The server ends every session, this one too, and answers
 * with a new one for this browser (its refresh cookie already set).
 */
export const changePassword = (body: ChangePasswordBody) => apiCall(profileRoutes.changePassword, { body });

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // The old token no longer works: the new one carries on. The same customer, so the cached
    // data stays (unlike a sign-in, which drops it).
    onSuccess: (session) => {
      setAccessToken(session.accessToken);
      queryClient.setQueryData<User | null>(sessionKeys.current, session.user);
    },
  });
}
