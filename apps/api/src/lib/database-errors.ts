import { Prisma } from "@lk/db";

// Prisma's codes for "the database is not there": cannot reach, timed out, connection closed, no
// connection free in the pool in time.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// What node-postgres and the driver adapter say when a connection fails or drops, and PostgreSQL's
// own "shutting down" / "starting up" (57P01–57P03).
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03"]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Can't reach database|timeout exceeded when trying to connect|Connection ended unexpectedly/i;
// ioredis, when the Redis the rate limits count in (RATE_LIMIT_STORE=redis) is away.
const REDIS_UNAVAILABLE = new Set(["MaxRetriesPerRequestError"]);
const REDIS_UNAVAILABLE_MESSAGE = /^(Command timed out|Connection is closed\.|Stream isn't writeable)/;

/**
 * Whether a failure means the database (or the rate limits' Redis) cannot be reached right now,
 * not that a query was wrong:
 * such a request answers 503 with Retry-After, never a 500, and the next one reconnects by itself.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: { cause?: unknown } };
  };
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_CODES.has(error.code)) return true;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.code === "string" && UNAVAILABLE_ERRNOS.has(e.code)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  if (typeof e.name === "string" && REDIS_UNAVAILABLE.has(e.name)) return true;
  if (typeof e.message === "string" && REDIS_UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return (
    isDatabaseUnavailable(e.meta?.driverAdapterError?.cause, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1)
  );
}
