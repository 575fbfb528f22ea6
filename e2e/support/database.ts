import pg from "pg";

/** The real app's database (the embedded PostgreSQL start-app.sh runs), to check what was stored. */
export async function queryAppDatabase<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: Number(process.env.E2E_PG_PORT),
    user: "lk",
    password: "lk-embedded",
    database: "lichny_kabinet",
  });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
