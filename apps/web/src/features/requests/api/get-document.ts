import { operatorRoutes, serviceRequestRoutes } from "@lk/contract/requests";
import { apiFile } from "../../../lib/api-client.ts";

/** A document of the customer's own request, fetched with the session (the link alone opens nothing). */
export const getRequestDocument = (accountId: string, requestId: string, documentId: string) =>
  apiFile(serviceRequestRoutes.document, { params: { accountId, requestId, documentId } });

/** A document of any request, for the operator. */
export const getOperatorDocument = (requestId: string, documentId: string) =>
  apiFile(operatorRoutes.document, { params: { requestId, documentId } });
