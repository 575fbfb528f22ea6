import { authRoutes, type RegisterBody } from "@lk/contract/auth";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { useStartSession } from "./session.ts";

export const register = (body: RegisterBody) => apiCall(authRoutes.register, { body });

export function useRegister() {
  const startSession = useStartSession();
  return useMutation({ mutationFn: register, onSuccess: startSession });
}
