import { routes } from "@lk/contract";
import type { FastifyInstance } from "fastify";
import { registerRoute } from "../../lib/contract-route.ts";
import { viewerOf } from "../auth/session-check.ts";
import { type ReadingsDeps, readingHistory, readingsState, submitReading } from "./service.ts";

export function readingRoutes(app: FastifyInstance, deps: ReadingsDeps, submissionsPerMinute: number): void {
  // Both check the session in their own first query (lib/contract-route.ts).
  registerRoute(
    app,
    routes.readings.state,
    async ({ request, params }) => readingsState(deps, viewerOf(request, deps.clock), params.accountId),
    { sessionCheckedInQuery: true },
  );
  registerRoute(
    app,
    routes.readings.submit,
    async ({ request, params, body }) =>
      submitReading(deps, viewerOf(request, deps.clock), params.accountId, params.meterId, body),
    { rateLimit: { max: submissionsPerMinute, timeWindow: "1 minute" }, sessionCheckedInQuery: true },
  );
  registerRoute(app, routes.readings.history, async ({ request, params, query }) => ({
    readings: await readingHistory(deps, request.user.sub, params.accountId, query),
  }));
}
