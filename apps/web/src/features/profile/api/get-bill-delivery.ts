import { profileRoutes } from "@lk/contract/profile";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { profileKeys } from "./keys.ts";

/** «Получение счёта по e-mail»: paper or e-mail, for each linked account. */
export const getBillDelivery = () => apiCall(profileRoutes.billDelivery);

export const billDeliveryQueryOptions = () =>
  queryOptions({ queryKey: profileKeys.billDelivery(), queryFn: getBillDelivery });

export function useBillDelivery() {
  return useQuery(billDeliveryQueryOptions());
}
