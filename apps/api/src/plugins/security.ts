import type { IncomingMessage, ServerResponse } from "node:http";
import rateLimit from "@fastify/rate-limit";
import type { Database } from "@lk/db";
import { DomainError } from "@lk/domain";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";
import { Redis } from "ioredis";
import type { Config } from "../config.ts";
import { postgresRateLimitStore } from "./rate-limit-store.ts";

/**
 * The headers helmet sets for these options, computed once: they depend on the configuration
 * only (no per-request nonces), and @fastify/helmet rebuilt the CSP string on every request.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error("helmet did not finish synchronously");
  return headers;
}

/** Security headers for the API and the SPA, and the per-route rate limits. */
export const security = fp<{ config: Config; db: Database }>(async (app: FastifyInstance, { config, db }) => {
  const headers = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React and recharts set style attributes; no inline <script> is ever allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only means something when we speak HTTPS ourselves.
    strictTransportSecurity: config.tls ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });

  // Counters in PostgreSQL or Redis, shared by every instance behind the balancer; in this
  // process's memory only when asked for (RATE_LIMIT_STORE=memory: one instance, said at start).
  await app.register(rateLimit, {
    global: false,
    // Keyed by the library's own generator, which counts an IPv6 client by its /64 (ipv6Subnet),
    // as lib/client-key.ts does for the sign-in delays.
    ...(config.RATE_LIMIT_STORE === "postgres" ? { store: postgresRateLimitStore(db) } : {}),
    ...(config.RATE_LIMIT_STORE === "redis" ? { redis: redisFor(app, config), nameSpace: "lk-rate-limit:" } : {}),
    onExceeded: (request) => request.server.appMetrics?.rateLimited(request.routeOptions.url ?? ""),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new DomainError("TOO_MANY_REQUESTS", `Слишком много попыток. Повторите через ${seconds} с.`, {
        retryAfterSeconds: seconds,
      });
    },
  });
});

/**
 * The Redis client the limits count in (@fastify/rate-limit's own store: one Lua script per
 * request). A Redis that is away fails a limited request fast, as 503 with Retry-After (never
 * let through unlimited: `skipOnError` stays off); the client reconnects by itself.
 */
function redisFor(app: FastifyInstance, config: Config): Redis {
  const redis = new Redis(config.REDIS_URL as string, {
    connectTimeout: 2000,
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    connectionName: "lk-api",
  });
  let reported = false;
  redis.on("error", (error) => {
    if (!reported) app.log.warn({ err: error }, "rate limits: Redis unavailable");
    reported = true;
  });
  redis.on("ready", () => {
    reported = false;
  });
  app.addHook("onClose", async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  return redis;
}
