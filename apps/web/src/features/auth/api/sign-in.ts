import { authRoutes, type SignInBody } from "@lk/contract/auth";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { useStartSession } from "./session.ts";

export const signIn = (body: SignInBody) => apiCall(authRoutes.signIn, { body });

export function useSignIn() {
  const startSession = useStartSession();
  return useMutation({ mutationFn: signIn, onSuccess: startSession });
}
