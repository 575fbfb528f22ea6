// The app under load, in its own process (the load generator must not share its event loop).
// Reads BENCH_DATABASE_URL, BENCH_NOW, BENCH_JWT_SECRET; prints `listening <port>`.
import { createDatabaseClient } from "@lk/db";
import { buildApp } from "../apps/api/src/app.ts";
import { loadConfig } from "../apps/api/src/config.ts";
import { fixedClock } from "../apps/api/src/lib/clock.ts";
import { BENCH_METRICS_TOKEN } from "./metrics-token.ts";

const db = createDatabaseClient(String(process.env.BENCH_DATABASE_URL), { poolSize: 20 });
const config = loadConfig({
  NODE_ENV: "production",
  JWT_SECRET: process.env.BENCH_JWT_SECRET,
  // Production needs the gateway named; the benchmark's payments go to the simulator.
  PAYMENT_ACQUIRER: "simulated",
  // As shipped (the default level) unless a run asks for another, e.g. BENCH_LOG_LEVEL=info.
  ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
  // /metrics for the benchmark's own counting (statements per submission).
  METRICS_TOKEN: BENCH_METRICS_TOKEN,
  RATE_LIMIT_READINGS_PER_MINUTE: "100000000",
  RATE_LIMIT_PAYMENTS_PER_MINUTE: "100000000",
});
const app = await buildApp({ config, db, clock: fixedClock(String(process.env.BENCH_NOW)) });
await app.listen({ host: "127.0.0.1", port: Number(process.env.BENCH_PORT ?? 0) });
const address = app.server.address();
console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
process.on("SIGTERM", async () => {
  await app.close();
  await db.$disconnect();
  process.exit(0);
});
