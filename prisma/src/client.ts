import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "../generated/client.ts";

export type Database = PrismaClient;
/** The client, or a transaction on it: what a function that only reads and writes rows needs. */
export type DatabaseOrTx = PrismaClient | Prisma.TransactionClient;

/** How busy a client's connection pool is, for the operator's metrics. */
export interface PoolStats {
  /** Connections open (busy and idle). */
  total: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
  max: number;
  /** Statements sent since the client was made (Prisma's and the named ones alike). */
  statements: number;
}

const pools = new WeakMap<Database, pg.Pool>();
const sent = new WeakMap<pg.Pool, { statements: number }>();

/**
 * Counts every statement a pool's connections send (each goes through `Client.query`): the
 * operator's `lk_db_statements_total`, and how tests and the benchmark hold a request to its
 * budget of round trips.
 */
function countStatements(pool: pg.Pool) {
  const counter = { statements: 0 };
  sent.set(pool, counter);
  pool.on("connect", (connection) => {
    const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    (connection as { query: unknown }).query = (...args: unknown[]) => {
      counter.statements += 1;
      return query(...args);
    };
  });
}

/**
 * A Prisma client over node-postgres (no Rust engine). Sessions run in UTC: the adapter sends
 * instants without an offset, so in any other session time zone (the embedded server takes the
 * machine's) a raw SQL query would see them shifted from what Prisma reads back. The pool is ours
 * (the adapter ends it on `$disconnect`), so its use can be measured (`poolStats`).
 */
export function createDatabaseClient(url: string, options: { poolSize?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, options: "-c TimeZone=UTC" });
  countStatements(pool);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The node-postgres pool under a client made by `createDatabaseClient` (named statements run on it). */
export function poolOf(db: Database): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("This database client was not made by createDatabaseClient");
  return pool;
}

export function poolStats(db: Database): PoolStats | null {
  const pool = pools.get(db);
  return pool
    ? {
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
        max: pool.options.max ?? 10,
        statements: sent.get(pool)?.statements ?? 0,
      }
    : null;
}
