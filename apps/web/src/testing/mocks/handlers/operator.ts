import { requestAnsweredMessage, routes } from "@lk/contract";
import {
  DomainError,
  isOpenRequest,
  REQUEST_MOVES,
  type RequestMove,
  requestedFacts,
  requestMove,
  requestNumber,
} from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { mockDb } from "../mock-db.ts";
import { sendMessage } from "../mock-outbox.ts";
import { documentBytes } from "../mock-request-documents.ts";
import { type MockServiceRequest, toOperatorRequest } from "../mock-service-requests.ts";
import { findAccount } from "../mock-world.ts";

const opts = { authenticate };

/** Only a user with the operator role: a customer gets 403, as in the API. */
function requireOperator(userId: string | null): string {
  const user = mockDb.state.users.find((u) => u.id === userId);
  if (user?.role !== "OPERATOR") throw new DomainError("FORBIDDEN");
  return user.id;
}

function findRequest(requestId: string): MockServiceRequest {
  const request = mockDb.state.serviceRequests.find((r) => r.id === requestId);
  if (!request) throw new DomainError("NOT_FOUND", "Заявка не найдена.");
  return request;
}

function toOperator(request: MockServiceRequest) {
  const bundle = findAccount(request.accountId);
  if (!bundle) throw new DomainError("NOT_FOUND", "Заявка не найдена.");
  return toOperatorRequest(
    request,
    bundle,
    mockDb.state.users.find((u) => u.id === request.userId),
  );
}

/** A move of the request's status (refused unless it allows it), recorded in its history with the operator's comment. */
function move(request: MockServiceRequest, to: RequestMove, comment: string | null) {
  const at = mockClock.now().toISOString();
  const status = requestMove(request.status, to);
  request.status = status;
  request.updatedAt = at;
  request.history.push({ status, at, comment, by: "OPERATOR" });
  return status;
}

export const operatorHandlers = [
  mockRoute(
    routes.operator.queue,
    ({ input: { query }, userId }) => {
      requireOperator(userId);
      const status = query.status ?? "OPEN";
      const wanted = (s: MockServiceRequest["status"]) => (status === "OPEN" ? isOpenRequest(s) : s === status);
      // Oldest first: whoever waits longest is answered first.
      const requests = mockDb.state.serviceRequests
        .filter((r) => wanted(r.status))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number)
        .map(toOperator);
      return { requests };
    },
    opts,
  ),
  mockRoute(
    routes.operator.get,
    ({ input: { params }, userId }) => {
      requireOperator(userId);
      return toOperator(findRequest(params.requestId));
    },
    opts,
  ),
  mockRoute(
    routes.operator.document,
    ({ input: { params }, userId }) => {
      requireOperator(userId);
      const document = findRequest(params.requestId).documents.find((d) => d.id === params.documentId);
      if (!document) throw new DomainError("NOT_FOUND", "Документ не найден.");
      return { bytes: documentBytes(document.id), contentType: document.contentType, fileName: document.fileName };
    },
    opts,
  ),
  mockRoute(
    routes.operator.review,
    ({ input: { params }, userId }) => {
      requireOperator(userId);
      const request = findRequest(params.requestId);
      move(request, "REVIEW", null);
      mockDb.save();
      return toOperator(request);
    },
    opts,
  ),
  mockRoute(
    routes.operator.decide,
    ({ input: { params, body }, userId }) => {
      requireOperator(userId);
      const request = findRequest(params.requestId);
      const comment = body.comment || null;
      const status = REQUEST_MOVES[body.decision].to;
      move(request, body.decision, comment);
      if (status === "DONE") {
        // The account's details change only now, and exactly as requested.
        const changes = mockDb.state.accountChanges;
        changes[request.accountId] = { ...changes[request.accountId], ...requestedFacts(request.change) };
      }
      // As the API: the customer hears of the decision by e-mail.
      const customer = mockDb.state.users.find((u) => u.id === request.userId);
      const answered = { number: requestNumber(request.number), kind: request.kind };
      if (customer) sendMessage(requestAnsweredMessage(customer.email, answered, status, comment));
      mockDb.save();
      return toOperator(request);
    },
    opts,
  ),
];
