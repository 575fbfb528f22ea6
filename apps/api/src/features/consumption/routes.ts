import { routes } from "@lk/contract";
import contentDisposition from "content-disposition";
import type { FastifyInstance } from "fastify";
import { registerRoute } from "../../lib/contract-route.ts";
import { type ConsumptionDeps, consumptionCsvFile, consumptionYear } from "./service.ts";

export function consumptionRoutes(app: FastifyInstance, deps: ConsumptionDeps): void {
  registerRoute(app, routes.consumption.year, async ({ request, params, query }) =>
    consumptionYear(deps, request.user.sub, params.accountId, query.year),
  );
  registerRoute(app, routes.consumption.csv, async ({ request, reply, params, query }) => {
    const file = await consumptionCsvFile(deps, request.user.sub, params.accountId, query.year);
    // Sent as is: text for a spreadsheet, not JSON.
    reply.type("text/csv; charset=utf-8").header("content-disposition", contentDisposition(file.filename));
    reply.serializer((payload: unknown) => String(payload));
    return file.csv;
  });
}
