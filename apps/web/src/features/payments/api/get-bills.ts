import { paymentRoutes } from "@lk/contract/payments";
import { queryOptions } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import type { Period } from "../../../lib/period.ts";
import { paymentKeys } from "./keys.ts";

/** «Счета»: the bills whose month falls in the period, newest first. */
export const getBills = (accountId: string, period: Period) =>
  apiCall(paymentRoutes.bills, { params: { accountId }, query: period });

export const billsQueryOptions = (accountId: string, period: Period) =>
  queryOptions({
    queryKey: paymentKeys.billList(accountId, period),
    queryFn: () => getBills(accountId, period),
    select: (data) => data.bills,
  });
