import { type OperatorQueueQuery, operatorRoutes } from "@lk/contract/requests";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiCall } from "../../../lib/api-client.ts";
import { requestKeys } from "./keys.ts";

export type OperatorQueueStatus = NonNullable<z.input<typeof OperatorQueueQuery>["status"]>;

/** The operator's queue: open requests (or those of one status), oldest first. */
export const getQueue = (status: OperatorQueueStatus) => apiCall(operatorRoutes.queue, { query: { status } });

export const queueQueryOptions = (status: OperatorQueueStatus) =>
  queryOptions({
    queryKey: requestKeys.queue(status),
    queryFn: () => getQueue(status),
    select: (data) => data.requests,
  });

export function useQueue(status: OperatorQueueStatus) {
  // The old table stays (dimmed) while another status loads, instead of a blank page.
  return useQuery({ ...queueQueryOptions(status), placeholderData: keepPreviousData });
}
