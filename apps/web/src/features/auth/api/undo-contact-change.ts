import { authRoutes, type UndoContactChangeBody } from "@lk/contract/auth";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { forgetSession } from "./session.ts";

/** «Вернуть прежний адрес» by the link sent to it: the previous e-mail or phone is the login again. */
export const undoContactChange = (body: UndoContactChangeBody) => apiCall(authRoutes.undoContactChange, { body });

export function useUndoContactChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: undoContactChange,
    // The server ended every session of the customer: whoever was signed in here is signed out too.
    onSuccess: () => forgetSession(queryClient),
  });
}
