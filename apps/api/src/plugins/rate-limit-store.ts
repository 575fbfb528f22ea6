import type { FastifyRateLimitStore } from "@fastify/rate-limit";
import { type Database, sqlOf, statement } from "@lk/db";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * What a store's `child` gets: at run time (11.x) the route's merged limit options with the route
 * under `routeInfo`; the published types say the route options themselves. Either names the route.
 */
type RouteParams = Parameters<FastifyRateLimitStore["child"]>[0] & {
  routeInfo?: { method?: string | string[]; url?: string };
};

/** One hit on a counter ($1 key, $2 window in ms): its hits in this window and the ms left of it. */
const hit = statement<[key: string, windowMs: number], { hits: number; ttl: number }>(
  "rate-limit.hit",
  `INSERT INTO "RateLimitCounter" (key, hits, "resetAt")
   VALUES ($1, 1, now() + $2::float8 * interval '1 millisecond')
   ON CONFLICT (key) DO UPDATE SET
     hits = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN 1 ELSE "RateLimitCounter".hits + 1 END,
     "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN EXCLUDED."resetAt"
                 ELSE "RateLimitCounter"."resetAt" END
   RETURNING hits, (extract(epoch FROM "resetAt" - now()) * 1000)::float8 AS ttl`,
);

// Now and then an increment also clears counters whose window ended long ago.
const SWEEP_EVERY = 500;

/**
 * @fastify/rate-limit's counters in PostgreSQL, so every API instance counts together: one atomic
 * upsert per limited request on an UNLOGGED table, with the database's clock (no skew between
 * instances). A counter is per route (the store's child) and per key (address or customer).
 */
export function postgresRateLimitStore(db: Database) {
  let increments = 0;
  const sql = sqlOf(db);
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    constructor(params?: Partial<RouteParams>) {
      const route = params?.routeInfo ?? params;
      this.prefix = route?.url ? `${[route.method].flat().join(",")} ${route.url}|` : "";
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      increments += 1;
      if (increments % SWEEP_EVERY === 0) {
        void db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "resetAt" < now() - interval '1 hour'`.catch(
          () => undefined,
        );
      }
      // A prepared statement: this runs before every limited request.
      sql.query(hit, [this.prefix + key, timeWindow]).then(
        ([row]) => callback(null, { current: row?.hits ?? 1, ttl: Math.max(0, Math.round(row?.ttl ?? timeWindow)) }),
        (error: Error) => callback(error),
      );
    }

    child(params: RouteParams): FastifyRateLimitStore {
      return new PostgresRateLimitStore(params);
    }
  };
}
