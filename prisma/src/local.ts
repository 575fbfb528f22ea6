import path from "node:path";
import { startEmbeddedPostgres } from "./embedded.ts";

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** For the start-up banner: where the data lives. */
  description: string;
  stop(): Promise<void>;
}

/**
 * The database the app and the db:* commands use: DATABASE_URL when set (any PostgreSQL),
 * otherwise a local embedded PostgreSQL 17 whose files live in `.data/postgres` (git-ignored).
 */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseHandle> {
  if (env.DATABASE_URL)
    return { url: env.DATABASE_URL, embedded: false, description: "DATABASE_URL", stop: async () => undefined };
  const port = Number(env.EMBEDDED_PG_PORT ?? 54329);
  const dataDir = env.EMBEDDED_PG_DIR ?? path.join(repoRoot, ".data", "postgres");
  const db = await startEmbeddedPostgres({ dataDir, port });
  await db.createDatabase("lichny_kabinet");
  return {
    url: db.urlFor("lichny_kabinet"),
    embedded: true,
    description: `встроенная PostgreSQL 17 (${path.relative(repoRoot, dataDir) || dataDir}, порт ${port})`,
    stop: () => db.stop(),
  };
}
