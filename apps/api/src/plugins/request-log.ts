import { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from "fastify";

/**
 * One log line per request, when it ends (Fastify's own controller writes two, the first with the
 * whole request): the request id, the route, the status and the time. A slow request is logged at
 * warn whatever the level, so it is seen in production at LOG_LEVEL=warn, where the rest costs
 * nothing. Failures are logged by the error handler (plugins/errors.ts).
 */
export class OneLineLogController extends LogController {
  constructor(private readonly slowMs: number) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(_error: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const ms = Math.round(reply.elapsedTime);
    const line = { method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms };
    if (ms >= this.slowMs) request.log.warn(line, "slow request");
    else request.log.info(line, "request");
  }
}

/** Every answer carries its id (X-Request-Id), so a customer's report or the balancer's log finds the line. */
export function answerRequestIds(app: FastifyInstance): void {
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });
}
