import { type BillDelivery, type BillDeliveryMethod, profileRoutes } from "@lk/contract/profile";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { profileKeys } from "./keys.ts";

export const setBillDelivery = (accountId: string, method: BillDeliveryMethod) =>
  apiCall(profileRoutes.setBillDelivery, { params: { accountId }, body: { method } });

export function useSetBillDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, method }: { accountId: string; method: BillDeliveryMethod }) =>
      setBillDelivery(accountId, method),
    onSuccess: (delivery) =>
      queryClient.setQueryData<{ accounts: BillDelivery[] }>(profileKeys.billDelivery(), (list) =>
        list ? { accounts: list.accounts.map((a) => (a.accountId === delivery.accountId ? delivery : a)) } : list,
      ),
  });
}
