import { routes } from "@lk/contract";
import type { Database } from "@lk/db";
import { DomainError } from "@lk/domain";
import type { FastifyInstance } from "fastify";
import { registerRoute } from "../../lib/contract-route.ts";
import { DATABASE_RETRY_AFTER_SECONDS } from "../../plugins/errors.ts";

/** What the instance is doing, for readiness: set while it drains before stopping. */
export interface Lifecycle {
  draining: boolean;
}

// A readiness probe must answer quickly even when the database hangs rather than refuses.
const READY_TIMEOUT_MS = 2_000;

async function databaseAnswers(db: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const query = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function systemRoutes(app: FastifyInstance, db: Database, lifecycle: Lifecycle): void {
  registerRoute(app, routes.system.live, async () => ({ status: "ok" as const }));
  const ready = async () => {
    if (lifecycle.draining) {
      throw new DomainError("SERVICE_UNAVAILABLE", "Экземпляр останавливается.", {
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      });
    }
    if (!(await databaseAnswers(db))) {
      throw new DomainError("SERVICE_UNAVAILABLE", "База данных не отвечает.", {
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      });
    }
    return { status: "ok" as const, database: "ok" as const };
  };
  registerRoute(app, routes.system.ready, ready);
  registerRoute(app, routes.system.health, ready);
}
