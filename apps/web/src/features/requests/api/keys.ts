import type { OperatorQueueStatus } from "./get-queue.ts";

/** Query keys of the requests feature, from one place so mutations invalidate exactly what they change. */
export const requestKeys = {
  all: ["requests"] as const,
  account: (accountId: string) => [...requestKeys.all, "account", accountId] as const,
  list: (accountId: string) => [...requestKeys.account(accountId), "list"] as const,
  detail: (accountId: string, requestId: string) => [...requestKeys.account(accountId), "request", requestId] as const,
  operator: () => [...requestKeys.all, "operator"] as const,
  queues: () => [...requestKeys.operator(), "queue"] as const,
  queue: (status: OperatorQueueStatus) => [...requestKeys.queues(), status] as const,
  operatorRequest: (requestId: string) => [...requestKeys.operator(), "request", requestId] as const,
};
