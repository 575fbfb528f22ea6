import { routes } from "@lk/contract";
import { DomainError, factsBefore, isOpenRequest, requireSomeChange } from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { requireLink } from "../mock-access.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { mockDb } from "../mock-db.ts";
import { checkUploads, documentBytes, storeDocuments } from "../mock-request-documents.ts";
import {
  accountFacts,
  type MockServiceRequest,
  nextRequestNumber,
  toServiceRequest,
} from "../mock-service-requests.ts";

const opts = { authenticate };

/** A request of this account filed by this user; anyone else's looks like none (404), as in the API. */
function ownRequest(userId: string, accountId: string, requestId: string) {
  const { bundle } = requireLink(userId, accountId);
  const request = mockDb.state.serviceRequests.find(
    (r) => r.id === requestId && r.accountId === accountId && r.userId === userId,
  );
  if (!request) throw new DomainError("NOT_FOUND", "Заявка не найдена.");
  return { request, bundle };
}

export const serviceRequestHandlers = [
  mockRoute(
    routes.requests.list,
    ({ input: { params }, userId }) => {
      const user = userId as string;
      const { bundle } = requireLink(user, params.accountId);
      const requests = mockDb.state.serviceRequests
        .filter((r) => r.accountId === params.accountId && r.userId === user)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number - a.number)
        .map((r) => toServiceRequest(r, bundle.account.number));
      return { requests };
    },
    opts,
  ),
  mockRoute(
    routes.requests.create,
    async ({ input: { params, body }, userId, files }) => {
      const user = userId as string;
      const { bundle } = requireLink(user, params.accountId);
      const facts = accountFacts(bundle);
      requireSomeChange(body.change, facts);
      // The API checks the files before it looks for an open request (inside its transaction).
      const checked = await checkUploads(body.change.kind, files);
      const open = mockDb.state.serviceRequests.some(
        (r) => r.accountId === params.accountId && r.kind === body.change.kind && isOpenRequest(r.status),
      );
      if (open) throw new DomainError("REQUEST_EXISTS");

      const at = mockClock.now().toISOString();
      const request: MockServiceRequest = {
        id: crypto.randomUUID(),
        number: nextRequestNumber(),
        accountId: params.accountId,
        userId: user,
        kind: body.change.kind,
        status: "SUBMITTED",
        change: body.change,
        previous: factsBefore(body.change, facts),
        comment: body.comment || null,
        createdAt: at,
        updatedAt: at,
        documents: storeDocuments(checked),
        history: [{ status: "SUBMITTED", at, comment: null, by: "CUSTOMER" }],
      };
      mockDb.state.serviceRequests.push(request);
      mockDb.save();
      return toServiceRequest(request, bundle.account.number);
    },
    opts,
  ),
  mockRoute(
    routes.requests.get,
    ({ input: { params }, userId }) => {
      const { request, bundle } = ownRequest(userId as string, params.accountId, params.requestId);
      return toServiceRequest(request, bundle.account.number);
    },
    opts,
  ),
  mockRoute(
    routes.requests.document,
    ({ input: { params }, userId }) => {
      const { request } = ownRequest(userId as string, params.accountId, params.requestId);
      const document = request.documents.find((d) => d.id === params.documentId);
      if (!document) throw new DomainError("NOT_FOUND", "Документ не найден.");
      return { bytes: documentBytes(document.id), contentType: document.contentType, fileName: document.fileName };
    },
    opts,
  ),
];
