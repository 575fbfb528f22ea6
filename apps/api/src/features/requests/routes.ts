import { routes } from "@lk/contract";
import contentDisposition from "content-disposition";
import type { FastifyInstance, FastifyReply } from "fastify";
import { registerRoute } from "../../lib/contract-route.ts";
import { requireLinkedAccount } from "../accounts/access.ts";
import { readMultipart } from "./multipart.ts";
import { decide, operatorQueue, operatorRequest, requireOperator, takeForReview } from "./operator.ts";
import { createRequest, getRequest, listRequests, type RequestDeps, readDocument } from "./service.ts";

type RequestBody = Parameters<typeof createRequest>[3];

/** Sends a stored document: its checked type, its name in ASCII and, encoded, as the customer gave it. */
function sendDocument(reply: FastifyReply, document: { contentType: string; fileName: string; bytes: Buffer }) {
  reply
    .type(document.contentType)
    .header("content-disposition", contentDisposition(document.fileName))
    .header("cache-control", "private, no-store");
  return document.bytes;
}

export function requestRoutes(app: FastifyInstance, deps: RequestDeps, uploadsPerHour: number): void {
  const { db } = deps;
  registerRoute(app, routes.requests.list, async ({ request, params }) => ({
    requests: await listRequests(db, request.user.sub, params.accountId),
  }));
  registerRoute(
    app,
    routes.requests.create,
    async ({ request, params }) => {
      // The access check first, so nobody uploads megabytes to an account that is not theirs.
      await requireLinkedAccount(db, request.user.sub, params.accountId);
      const { body, files } = await readMultipart(request, routes.requests.create, deps.storage);
      return createRequest(deps, request.user.sub, params.accountId, body as RequestBody, files);
    },
    // Uploads cost disk and time: a budget per customer, whatever address they come from.
    { rateLimit: { max: uploadsPerHour, timeWindow: "1 hour", perCustomer: true } },
  );
  registerRoute(app, routes.requests.get, async ({ request, params }) =>
    getRequest(db, request.user.sub, params.accountId, params.requestId),
  );
  registerRoute(app, routes.requests.document, async ({ request, reply, params }) => {
    await requireLinkedAccount(db, request.user.sub, params.accountId);
    const document = await readDocument(deps, { ...params, userId: request.user.sub });
    return sendDocument(reply, document);
  });

  registerRoute(app, routes.operator.queue, async ({ request, query }) => {
    await requireOperator(db, request);
    return { requests: await operatorQueue(db, query.status) };
  });
  registerRoute(app, routes.operator.get, async ({ request, params }) => {
    await requireOperator(db, request);
    return operatorRequest(db, params.requestId);
  });
  registerRoute(app, routes.operator.document, async ({ request, reply, params }) => {
    await requireOperator(db, request);
    return sendDocument(reply, await readDocument(deps, params));
  });
  registerRoute(app, routes.operator.review, async ({ request, params }) =>
    takeForReview(deps, await requireOperator(db, request), params.requestId),
  );
  registerRoute(app, routes.operator.decide, async ({ request, params, body }) =>
    decide(deps, await requireOperator(db, request), params.requestId, body),
  );
}
