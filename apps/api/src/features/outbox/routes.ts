import { routes } from "@lk/contract";
import type { Database } from "@lk/db";
import type { FastifyInstance } from "fastify";
import { registerRoute } from "../../lib/contract-route.ts";
import { listOutbox } from "./outbox.ts";

/** Development and demos only: the outbox page reads what the portal "sent". */
export function outboxRoutes(app: FastifyInstance, db: Database): void {
  registerRoute(app, routes.outbox.list, async ({ query }) => ({ messages: await listOutbox(db, query.to) }));
}
