import { ErrorBody, errorStatus, type Route, type RouteParsed, type RouteResponse } from "@lk/contract";
import type { IncomingDocument } from "@lk/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { readMultipart } from "./multipart.ts";

export type HandlerContext<R extends Route> = RouteParsed<R> & {
  request: FastifyRequest;
  reply: FastifyReply;
  /**
   * Multipart routes: reads the form, the JSON field validated by the route's body schema and the
   * files (not yet checked, see @lk/domain checkDocument). Called by the handler after its access
   * check, so nobody uploads megabytes to an account that is not theirs.
   */
  upload: () => Promise<{ body: RouteParsed<R>["body"]; files: IncomingDocument[] }>;
};

export interface RouteOptions {
  /** Per-route limit, e.g. `{ max: 20, timeWindow: "1 minute" }` (see plugins/rate-limit.ts). */
  rateLimit?: { max: number; timeWindow: string | number };
}

/**
 * Registers one route of the contract: its schemas validate the request and serialize the
 * response (nothing the contract does not allow leaves the server), and they feed OpenAPI.
 */
export function registerRoute<R extends Route>(
  app: FastifyInstance,
  route: R,
  handler: (ctx: HandlerContext<R>) => Promise<RouteResponse<R> | undefined>,
  options: RouteOptions = {},
): void {
  const errorResponses = Object.fromEntries(
    [...new Set(["VALIDATION_FAILED", "INTERNAL_ERROR", ...(route.auth ? ["UNAUTHORIZED"] : []), ...route.errors])].map(
      (code) => [errorStatus[code as keyof typeof errorStatus], ErrorBody],
    ),
  );
  app.withTypeProvider<ZodTypeProvider>().route({
    method: route.method,
    url: route.path,
    schema: {
      summary: route.summary,
      tags: [route.tag],
      ...(route.auth ? { security: [{ bearerAuth: [] }] } : {}),
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body && !route.multipart ? { body: route.body } : {}),
      ...(route.multipart ? { consumes: ["multipart/form-data"] } : {}),
      response: { ...errorResponses, [route.status]: route.response },
    },
    ...(route.auth ? { onRequest: app.authenticate } : {}),
    config: options.rateLimit ? { rateLimit: options.rateLimit } : {},
    handler: async (request, reply) => {
      const result = await handler({
        params: request.params,
        query: request.query,
        body: request.body,
        upload: () => readMultipart(request, route),
        request,
        reply,
      } as unknown as HandlerContext<R>);
      reply.status(route.status);
      return route.status === 204 ? reply.send() : result;
    },
  });
}
