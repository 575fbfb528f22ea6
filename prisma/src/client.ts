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
}

const pools = new WeakMap<Database, pg.Pool>();

/**
 * A Prisma client over node-postgres (no Rust engine). Sessions run in UTC: the adapter sends
 * instants without an offset, so in any other session time zone (the embedded server takes the
 * machine's) a raw SQL query would see them shifted from what Prisma reads back. The pool is ours
 * (the adapter ends it on `$disconnect`), so its use can be measured (`poolStats`).
 */
export function createDatabaseClient(url: string, options: { poolSize?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, options: "-c TimeZone=UTC" });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

export function poolStats(db: Database): PoolStats | null {
  const pool = pools.get(db);
  return pool
    ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 }
    : null;
}
