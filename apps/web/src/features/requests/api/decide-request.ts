import { type DecisionBody, type OperatorServiceRequest, operatorRoutes } from "@lk/contract/requests";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiCall } from "../../../lib/api-client.ts";
import { requestKeys } from "./keys.ts";

/** «Взять на рассмотрение»: подана → на рассмотрении. */
export const reviewRequest = (requestId: string) => apiCall(operatorRoutes.review, { params: { requestId } });

/** «Выполнить» (the account's details change) or «Отклонить» (with a comment for the customer). */
export const decideRequest = (requestId: string, body: DecisionBody) =>
  apiCall(operatorRoutes.decide, { params: { requestId }, body });

/** The answer is the request as it is now; the queues (whatever their filter) are stale. */
function settle(queryClient: QueryClient, request: OperatorServiceRequest) {
  queryClient.setQueryData(requestKeys.operatorRequest(request.id), request);
  return queryClient.invalidateQueries({ queryKey: requestKeys.queues() });
}

/** Someone else decided first: show the request as it is now. */
function refreshIfStale(queryClient: QueryClient, requestId: string, error: Error) {
  if (error instanceof ApiError && error.code === "REQUEST_STATE") {
    void queryClient.invalidateQueries({ queryKey: requestKeys.operatorRequest(requestId) });
    void queryClient.invalidateQueries({ queryKey: requestKeys.queues() });
  }
}

export function useReviewRequest(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => reviewRequest(requestId),
    onSuccess: (request) => settle(queryClient, request),
    onError: (error) => refreshIfStale(queryClient, requestId, error),
  });
}

export function useDecideRequest(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionBody) => decideRequest(requestId, body),
    onSuccess: (request) => settle(queryClient, request),
    onError: (error) => refreshIfStale(queryClient, requestId, error),
  });
}
