import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/client.ts";

export type Database = PrismaClient;

/** A Prisma client over node-postgres (no Rust engine). */
export function createDatabaseClient(url: string, options: { poolSize?: number } = {}): Database {
  const adapter = new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}
