import { paymentRoutes } from "@lk/contract/payments";
import { queryOptions } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import type { Period } from "../../../lib/period.ts";
import { paymentKeys } from "./keys.ts";

/** «Оплаты»: the account's payments in a period (Moscow days, both inclusive), newest first. */
export const getPayments = (accountId: string, period: Period) =>
  apiCall(paymentRoutes.list, { params: { accountId }, query: period });

export const paymentsQueryOptions = (accountId: string, period: Period) =>
  queryOptions({
    queryKey: paymentKeys.list(accountId, period),
    queryFn: () => getPayments(accountId, period),
    select: (data) => data.payments,
  });
