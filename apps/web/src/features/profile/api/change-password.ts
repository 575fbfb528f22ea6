import { type ChangePasswordBody, routes } from "@lk/contract";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";

/** A new password, with the current one; the server ends every other session. */
export const changePassword = (body: ChangePasswordBody) => apiCall(routes.profile.changePassword, { body });

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
