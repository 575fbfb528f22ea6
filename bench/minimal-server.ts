// The limit beside the app (issue #18): what the account page could cost with nothing but
// Fastify, the JWT check and node-postgres running the app's own SQL as a prepared statement,
// with the session check folded in as the app does it. No logging, no security headers, no rate
// limits, no response schema: the app's ratio to this server is the number to watch.
// Reads BENCH_DATABASE_URL, BENCH_JWT_SECRET; prints `listening <port>`.
import jwt from "@fastify/jwt";
import Fastify from "fastify";
import pg from "pg";
import { ACCOUNT_PAGE_SQL } from "../apps/api/src/features/accounts/account-page.ts";

const pool = new pg.Pool({
  connectionString: String(process.env.BENCH_DATABASE_URL),
  max: Number(process.env.BENCH_POOL ?? 20),
  options: "-c TimeZone=UTC",
});
const now = new Date(String(process.env.BENCH_NOW));
const app = Fastify({ logger: false });
await app.register(jwt, { secret: String(process.env.BENCH_JWT_SECRET) });
app.get<{ Params: { accountId: string } }>("/api/accounts/:accountId", async (request, reply) => {
  let user: { sub: string; sid: string };
  try {
    user = await request.jwtVerify();
  } catch {
    return reply.status(401).send({ error: { code: "UNAUTHORIZED" } });
  }
  const { rows } = await pool.query({
    name: "accounts.page",
    text: ACCOUNT_PAGE_SQL,
    values: [user.sub, request.params.accountId, user.sid, now],
  });
  const row = rows[0];
  if (!row?.sessionActive) return reply.status(401).send({ error: { code: "UNAUTHORIZED" } });
  if (row.body === null) return reply.status(404).send({ error: { code: "NOT_FOUND" } });
  // The page as PostgreSQL wrote it (the app adds only the short address).
  return reply.type("application/json; charset=utf-8").send(row.body);
});
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
process.on("SIGTERM", async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
