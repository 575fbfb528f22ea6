import { routes, type StartLinkBody } from "@lk/contract";
import { useMutation } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";

/** «Подключить»: checks the number and offers the control questions. Changes nothing cached. */
export const startLink = (body: StartLinkBody) => apiCall(routes.accounts.startLink, { body });

export function useStartLink() {
  return useMutation({ mutationFn: startLink });
}
