import { type CreateServiceRequestBody, serviceRequestRoutes } from "@lk/contract/requests";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiUpload, type UploadFile } from "../../../lib/api-client.ts";
import { requestKeys } from "./keys.ts";

export interface NewRequest {
  body: CreateServiceRequestBody;
  files: UploadFile[];
}

/** «Отправить заявку»: the change and the comment as JSON, then the documents, each in its slot's field. */
export const createRequest = (accountId: string, { body, files }: NewRequest) =>
  apiUpload(serviceRequestRoutes.create, { params: { accountId }, body, files });

export function useCreateRequest(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: NewRequest) => createRequest(accountId, request),
    onSuccess: (request) => {
      queryClient.setQueryData(requestKeys.detail(accountId, request.id), request);
      return queryClient.invalidateQueries({ queryKey: requestKeys.list(accountId) });
    },
    // The variables hold the files: the mutation leaves the cache as soon as nothing shows it.
    gcTime: 0,
  });
}
