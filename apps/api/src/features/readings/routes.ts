import { routes } from "@lk/contract";
import type { FastifyInstance } from "fastify";
import { registerRoute } from "../../lib/contract-route.ts";
import { type ReadingsDeps, readingHistory, readingsState, submitReading } from "./service.ts";

export function readingRoutes(app: FastifyInstance, deps: ReadingsDeps, submissionsPerMinute: number): void {
  registerRoute(app, routes.readings.state, async ({ request, params }) =>
    readingsState(deps, request.user.sub, params.accountId),
  );
  registerRoute(
    app,
    routes.readings.submit,
    async ({ request, params, body }) => submitReading(deps, request.user.sub, params.accountId, params.meterId, body),
    { rateLimit: { max: submissionsPerMinute, timeWindow: "1 minute" } },
  );
  registerRoute(app, routes.readings.history, async ({ request, params, query }) => ({
    readings: await readingHistory(deps, request.user.sub, params.accountId, query),
  }));
}
