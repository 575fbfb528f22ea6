import { routes } from "@lk/contract";
import type { Database } from "@lk/db";
import type { FastifyInstance } from "fastify";
import { registerRoute } from "../../lib/contract-route.ts";

export function systemRoutes(app: FastifyInstance, db: Database): void {
  registerRoute(app, routes.system.health, async ({ reply }) => {
    const database = await db.$queryRaw`SELECT 1`.then(
      () => "ok" as const,
      () => "unavailable" as const,
    );
    if (database !== "ok") reply.header("retry-after", "5");
    return { status: "ok" as const, database };
  });
}
