import { type ContactCodeBody, profileRoutes } from "@lk/contract/profile";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";

/** A code to a new e-mail or phone (or to the current, unconfirmed e-mail). */
export const sendContactCode = (body: ContactCodeBody) => apiCall(profileRoutes.sendContactCode, { body });

export function useSendContactCode() {
  return useMutation({ mutationFn: sendContactCode });
}
