import { ErrorBody, errorStatus, type Route, type RouteParsed, type RouteResponse } from "@lk/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

export type HandlerContext<R extends Route> = RouteParsed<R> & {
  request: FastifyRequest;
  reply: FastifyReply;
};

export interface RouteOptions {
  /**
   * Per-route limit, e.g. `{ max: 20, timeWindow: "1 minute" }` (@fastify/rate-limit, registered in
   * plugins/security.ts). Counted per address, or per signed-in customer with `perCustomer`
   * (checked after authentication, so the count belongs to the customer whatever address they use).
   */
  rateLimit?: { max: number; timeWindow: string | number; perCustomer?: boolean };
  /**
   * The handler's own query checks that the session is open (`sessionActiveSql`, then
   * `requireActiveSession`), so the hook only verifies the token: one round trip less on the
   * hottest routes. Each such route has a test that a signed-out session gets 401.
   */
  sessionCheckedInQuery?: true;
  /**
   * The handler returns the response body as JSON text already (PostgreSQL wrote it in the
   * contract's shape): it is sent as it is. Outside production it is still checked against the
   * contract's schema, so the tests hold the SQL to the contract like any handler.
   */
  prewrittenJson?: true;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Check every response against the contract before it leaves (all but production). */
    checkResponsesAgainstContract: boolean;
  }
}

function rateLimitConfig(limit: RouteOptions["rateLimit"]) {
  if (!limit) return {};
  const { perCustomer, ...rest } = limit;
  return {
    rateLimit: perCustomer
      ? {
          ...rest,
          hook: "preHandler" as const,
          keyGenerator: (request: FastifyRequest) => `customer:${request.user.sub}`,
        }
      : rest,
  };
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
    ...(route.auth ? { onRequest: options.sessionCheckedInQuery ? app.verifyAccessToken : app.authenticate } : {}),
    config: rateLimitConfig(options.rateLimit),
    handler: async (request, reply) => {
      const result = await handler({
        params: request.params,
        query: request.query,
        body: request.body,
        request,
        reply,
      } as unknown as HandlerContext<R>);
      reply.status(route.status);
      if (route.status === 204) return reply.send();
      if (options.prewrittenJson) {
        const text = result as unknown as string;
        if (app.checkResponsesAgainstContract) route.response.parse(JSON.parse(text));
        reply.type("application/json; charset=utf-8").serializer((payload: unknown) => payload as string);
        return text;
      }
      return result;
    },
  });
}
