import { type ChangePasswordBody, profileRoutes } from "@lk/contract/profile";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";

/** A new password, with the current one; the server ends every other session. */
export const changePassword = (body: ChangePasswordBody) => apiCall(profileRoutes.changePassword, { body });

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
