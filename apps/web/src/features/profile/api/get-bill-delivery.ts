import { profileRoutes } from "@lk/contract/profile";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { profileKeys } from "./keys.ts";

/** «Получение счёта по e-mail»: paper or e-mail, for each linked account. */
export const getBillDelivery = () => apiCall(profileRoutes.billDelivery);

// The list follows the linked accounts, which change on other pages (linking, removing): asked
// afresh whenever the profile opens, not after the default 30 s.
export const billDeliveryQueryOptions = () =>
  queryOptions({ queryKey: profileKeys.billDelivery(), queryFn: getBillDelivery, staleTime: 0 });

export function useBillDelivery() {
  return useQuery(billDeliveryQueryOptions());
}
