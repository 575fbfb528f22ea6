import { accountRoutes, type StartLinkBody } from "@lk/contract/accounts";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";

/** «Подключить»: checks the number and offers the control questions. Changes nothing cached. */
export const startLink = (body: StartLinkBody) => apiCall(accountRoutes.startLink, { body });

export function useStartLink() {
  return useMutation({ mutationFn: startLink });
}
