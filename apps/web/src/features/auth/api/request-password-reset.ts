import { authRoutes, type PasswordResetBody } from "@lk/contract/auth";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";

/** «Забыли пароль?»: a mail with a link, if the address is registered (the answer is the same either way). */
export const requestPasswordReset = (body: PasswordResetBody) => apiCall(authRoutes.passwordReset, { body });

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
