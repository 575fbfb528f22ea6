import { routes } from "@lk/contract";
import contentDisposition from "content-disposition";
import type { FastifyInstance } from "fastify";
import { registerRoute } from "../../lib/contract-route.ts";
import { viewerOf } from "../auth/session-check.ts";
import { type ConsumptionDeps, consumptionCsvFile, consumptionYear, tariffComparisonOf, thisMonth } from "./service.ts";

export function consumptionRoutes(app: FastifyInstance, deps: ConsumptionDeps): void {
  // All check the session in their own first query (lib/contract-route.ts).
  registerRoute(
    app,
    routes.consumption.year,
    async ({ request, params, query }) =>
      consumptionYear(deps, viewerOf(request, deps.clock), params.accountId, query.year),
    { sessionCheckedInQuery: true },
  );
  registerRoute(
    app,
    routes.consumption.csv,
    async ({ request, reply, params, query }) => {
      const file = await consumptionCsvFile(deps, viewerOf(request, deps.clock), params.accountId, query.year);
      // Sent as is: text for a spreadsheet, not JSON.
      reply.type("text/csv; charset=utf-8").header("content-disposition", contentDisposition(file.filename));
      reply.serializer((payload: unknown) => String(payload));
      return file.csv;
    },
    { sessionCheckedInQuery: true },
  );
  registerRoute(
    app,
    routes.consumption.thisMonth,
    async ({ request, params }) => thisMonth(deps, viewerOf(request, deps.clock), params.accountId),
    { sessionCheckedInQuery: true },
  );
  registerRoute(
    app,
    routes.consumption.tariffComparison,
    async ({ request, params }) => tariffComparisonOf(deps, viewerOf(request, deps.clock), params.accountId),
    { sessionCheckedInQuery: true },
  );
}
