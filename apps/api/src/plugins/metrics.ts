import { timingSafeEqual } from "node:crypto";
import { type Database, poolStats } from "@lk/db";
import { DomainError } from "@lk/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fastifyMetrics from "fastify-metrics";
import fp from "fastify-plugin";
import client from "prom-client";
import type { Config } from "../config.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Counters the app's own parts feed (jobs, limits); scraped at /metrics. */
    appMetrics: AppMetrics;
  }
}

export interface AppMetrics {
  jobRun(job: string, outcome: "ok" | "skipped" | "failed"): void;
  rateLimited(route: string): void;
}

/** Who may read /metrics: with METRICS_TOKEN, its bearer; without, nobody in a deployment. */
function mayScrape(config: Config, request: FastifyRequest): boolean {
  if (!config.METRICS_TOKEN) return !config.deployment;
  const given = Buffer.from(request.headers.authorization ?? "");
  const wanted = Buffer.from(`Bearer ${config.METRICS_TOKEN}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Prometheus metrics an operator expects, in a registry of this app's own (several apps in one
 * process, as in tests, do not collide): request rate and latency by route and status
 * (fastify-metrics), the process (prom-client's defaults), the database pool, the outbox's backlog
 * and the age of its oldest letter, job runs and failures, rate-limit rejections.
 */
export const metrics = fp<{ config: Config; db: Database }>(async (app: FastifyInstance, { config, db }) => {
  const register = new client.Registry();
  await app.register(fastifyMetrics, {
    endpoint: {
      url: "/metrics",
      method: "GET",
      logLevel: "warn",
      schema: { hide: true },
      onRequest: async (request) => {
        if (!mayScrape(config, request)) throw new DomainError("NOT_FOUND");
      },
      handler: () => undefined,
    },
    promClient: client,
    clearRegisterOnInit: false,
    defaultMetrics: { enabled: true, register },
    routeMetrics: {
      enabled: { histogram: true, summary: false },
      routeBlacklist: ["/metrics", "/api/health/live", "/api/health/ready", "/api/health"],
      // Both in our registry: the plugin builds the summary even when it does not fill it.
      overrides: {
        histogram: { registers: [register], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] },
        summary: { registers: [register] },
      },
    },
  });

  new client.Gauge({
    name: "lk_db_pool_connections",
    help: "Database pool connections by state (open, idle, waiting queries, max)",
    labelNames: ["state"],
    registers: [register],
    collect() {
      const stats = poolStats(db);
      if (!stats) return;
      this.set({ state: "open" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
      this.set({ state: "max" }, stats.max);
    },
  });
  new client.Counter({
    name: "lk_db_statements_total",
    help: "SQL statements this instance sent to the database",
    registers: [register],
    collect() {
      const stats = poolStats(db);
      if (!stats) return;
      this.reset();
      this.inc(stats.statements);
    },
  });
  // The outbox is read once per scrape, for both gauges.
  let outbox: Promise<{ pending: number; age: number }> | null = null;
  const readOutbox = () => {
    outbox ??= db.$queryRaw<{ pending: number; age: number | null }[]>`
      SELECT count(*)::int AS pending, extract(epoch FROM now() - min("createdAt"))::float8 AS age
      FROM "OutboxMessage" WHERE "sentAt" IS NULL AND attempts < 5`
      .then(([row]) => ({ pending: row?.pending ?? 0, age: row?.age ?? 0 }))
      .finally(() => setTimeout(() => (outbox = null), 1000).unref());
    return outbox;
  };
  new client.Gauge({
    name: "lk_outbox_pending_messages",
    help: "Letters and SMS written but not yet handed to the transport",
    registers: [register],
    async collect() {
      this.set((await readOutbox().catch(() => ({ pending: -1 }))).pending);
    },
  });
  new client.Gauge({
    name: "lk_outbox_oldest_pending_seconds",
    help: "Age of the oldest letter or SMS not yet handed to the transport",
    registers: [register],
    async collect() {
      this.set((await readOutbox().catch(() => ({ age: -1 }))).age);
    },
  });
  const jobs = new client.Counter({
    name: "lk_job_runs_total",
    help: "Runs of the instance's background jobs by outcome (skipped: another instance held the job)",
    labelNames: ["job", "outcome"],
    registers: [register],
  });
  const limited = new client.Counter({
    name: "lk_rate_limit_rejections_total",
    help: "Requests refused by a rate limit (429), by route",
    labelNames: ["route"],
    registers: [register],
  });
  app.decorate("appMetrics", {
    jobRun: (job, outcome) => jobs.inc({ job, outcome }),
    rateLimited: (route) => limited.inc({ route }),
  } satisfies AppMetrics);

  // fastify-metrics serves the global registry merged with the ones it was given; ours holds all.
  app.addHook("onClose", async () => register.clear());
});
