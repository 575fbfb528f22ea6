import { routes, type SignInBody } from "@lk/contract";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { useStartSession } from "./session.ts";

export const signIn = (body: SignInBody) => apiCall(routes.auth.signIn, { body });

export function useSignIn() {
  const startSession = useStartSession();
  return useMutation({ mutationFn: signIn, onSuccess: startSession });
}
