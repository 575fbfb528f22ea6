import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/client.ts";

export type Database = PrismaClient;

/**
 * A Prisma client over node-postgres (no Rust engine). Sessions run in UTC: the adapter sends
 * instants without an offset, so in any other session time zone (the embedded server takes the
 * machine's) a raw SQL query would see them shifted from what Prisma reads back.
 */
export function createDatabaseClient(url: string, options: { poolSize?: number } = {}): Database {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.poolSize ?? 10,
    options: "-c TimeZone=UTC",
  });
  return new PrismaClient({ adapter });
}
