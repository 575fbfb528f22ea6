import { readingRoutes } from "@lk/contract/readings";
import { queryOptions } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import type { Period } from "../../../lib/period.ts";
import { readingKeys } from "./keys.ts";

/** Readings of all the account's meters in a period, newest first. */
export const getReadingHistory = (accountId: string, period: Period) =>
  apiCall(readingRoutes.history, { params: { accountId }, query: period });

export const readingHistoryQueryOptions = (accountId: string, period: Period) =>
  queryOptions({
    queryKey: readingKeys.history(accountId, period),
    queryFn: () => getReadingHistory(accountId, period),
    select: (data) => data.readings,
  });
