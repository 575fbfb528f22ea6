import { defineRoute } from "./route.ts";
import { z } from "./zod.ts";

/** The instance can serve: its process runs and the database answers. */
export const Health = z.object({ status: z.literal("ok"), database: z.literal("ok") });
export const Liveness = z.object({ status: z.literal("ok") });

const tag = "Служебное";

/**
 * For the load balancer and the orchestrator: liveness is the process alone (restart it when this
 * fails); readiness is whether to send it requests (503 while the database is unreachable or the
 * instance is shutting down).
 */
export const healthRoutes = {
  live: defineRoute({
    method: "GET",
    path: "/api/health/live",
    summary: "Процесс жив (без обращения к базе данных)",
    tag,
    auth: false,
    status: 200,
    response: Liveness,
    errors: [],
  }),
  ready: defineRoute({
    method: "GET",
    path: "/api/health/ready",
    summary: "Готов принимать запросы: база данных отвечает и экземпляр не останавливается (иначе 503)",
    tag,
    auth: false,
    status: 200,
    response: Health,
    errors: ["SERVICE_UNAVAILABLE"],
  }),
  health: defineRoute({
    method: "GET",
    path: "/api/health",
    summary: "То же, что /api/health/ready",
    tag,
    auth: false,
    status: 200,
    response: Health,
    errors: ["SERVICE_UNAVAILABLE"],
  }),
};
