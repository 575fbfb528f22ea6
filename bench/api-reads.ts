// API read benchmark (issue #8): the account page (GET /api/accounts/:id) and the consumption
// chart (GET /api/accounts/:id/consumption) for signed-in customers, beside a bare Fastify
// hello-world measured in the same run, each with autocannon on 127.0.0.1. Prints requests/s,
// p50/p99 and the ratio to the bare server, the app's peak memory, and EXPLAIN of the queries
// behind these pages (each must use an index on the big tables).
//   pnpm bench:api [-- --accounts 2000 --seconds 10 --connections 20]
import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { type BenchCustomer, startBenchApp } from "./harness.ts";

const { values } = parseArgs({
  // `pnpm bench:x -- --accounts 100000` passes the "--" through: drop it, or every option after
  // it would be read as a positional argument.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  allowPositionals: true,
  options: {
    accounts: { type: "string", default: "2000" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const now = new Date("2026-11-20T09:00:00Z");
const bench = await startBenchApp({ accounts: Number(values.accounts), customers: 500, now });

const bare = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "bare-server.ts")], {
  stdio: ["ignore", "pipe", "inherit"],
});
const [line] = (await once(bare.stdout, "data")) as [Buffer];
const bareUrl = `http://127.0.0.1:${/listening (\d+)/.exec(line.toString())?.[1]}`;

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function measure(name: string, url: string, pathOf: (c: BenchCustomer) => string | null): Promise<Measured> {
  let next = 0;
  const run = async (duration: number) =>
    autocannon({
      url,
      connections,
      duration,
      requests: [
        {
          method: "GET",
          setupRequest: (request) => {
            const c = bench.customers[next++ % bench.customers.length] as BenchCustomer;
            const p = pathOf(c);
            return p
              ? { ...request, path: p, headers: { authorization: `Bearer ${c.token}` } }
              : { ...request, path: "/hello" };
          },
        },
      ],
    });
  await run(2); // warm-up: JIT, connection pools, caches
  const result = await run(seconds);
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

const results = [
  await measure("bare Fastify hello-world", bareUrl, () => null),
  await measure("account page  GET /api/accounts/:id", bench.baseUrl, (c) => `/api/accounts/${c.accountId}`),
  await measure(
    "consumption   GET /api/accounts/:id/consumption",
    bench.baseUrl,
    (c) => `/api/accounts/${c.accountId}/consumption?year=2026`,
  ),
];
const peakRss = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${bench.pid}/status`, "utf8"))?.[1];

// The queries behind these pages, on this world: each must reach the big tables by an index.
const sample = bench.customers[0] as BenchCustomer;
const sampleLink = await bench.db.accountLink.findFirstOrThrow({ where: { accountId: sample.accountId } });
const plans: [string, string][] = [
  [
    "link by user and account",
    `SELECT * FROM "AccountLink" WHERE "userId" = '${sampleLink.userId}' AND "accountId" = '${sample.accountId}'`,
  ],
  ["meters of an account", `SELECT * FROM "Meter" WHERE "accountId" = '${sample.accountId}'`],
  [
    "last reading of a meter",
    `SELECT * FROM "Reading" WHERE "meterId" = '${sample.meterId}' ORDER BY "takenAt" DESC LIMIT 1`,
  ],
  [
    // The consumption chart's query (features/consumption/service.ts): two years and the one before.
    "two years of readings",
    `SELECT "takenAt" FROM "Reading" WHERE "meterId" = ANY(ARRAY['${sample.meterId}']::uuid[]) AND status = 'ACTIVE'
       AND "takenAt" > '2024-12-31T21:00:00Z' AND "takenAt" <= '2026-12-31T21:00:00Z'
     UNION ALL
     SELECT before."takenAt" FROM unnest(ARRAY['${sample.meterId}']::uuid[]) AS meter(id) CROSS JOIN LATERAL (
       SELECT "takenAt" FROM "Reading" WHERE "meterId" = meter.id AND status = 'ACTIVE'
         AND "takenAt" <= '2024-12-31T21:00:00Z' ORDER BY "takenAt" DESC LIMIT 1) AS before`,
  ],
  [
    "last bill of an account",
    `SELECT * FROM "Bill" WHERE "accountId" = '${sample.accountId}' ORDER BY period DESC LIMIT 1`,
  ],
  [
    "last payment of an account",
    `SELECT * FROM "Payment" WHERE "accountId" = '${sample.accountId}' ORDER BY "paidAt" DESC LIMIT 1`,
  ],
];
const explained: string[] = [];
let seqScans = 0;
for (const [label, sql] of plans) {
  const rows = await bench.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`);
  const plan = rows.map((r) => r["QUERY PLAN"]);
  const scan = plan.find((p) => /Scan/.test(p))?.trim() ?? plan[0]?.trim() ?? "";
  const time = plan.find((p) => p.startsWith("Execution Time"))?.trim() ?? "";
  if (/Seq Scan on "(Reading|Bill|Payment|Meter|AccountLink)"/.test(plan.join("\n"))) seqScans += 1;
  explained.push(`  ${label.padEnd(28)} ${scan}  (${time})`);
}

const [base] = results as [Measured];
const counts = await bench.db.$queryRaw<{ accounts: bigint; readings: bigint; bills: bigint }[]>`
  SELECT (SELECT count(*) FROM "PersonalAccount") AS accounts, (SELECT count(*) FROM "Reading") AS readings,
         (SELECT count(*) FROM "Bill") AS bills`;
const world = counts[0];
console.log(
  [
    "",
    `API reads, ${connections} connections, ${seconds} s each after a 2 s warm-up; world: ${world?.accounts} accounts, ${world?.readings} readings, ${world?.bills} bills`,
    ...results.map(
      (r) =>
        `  ${r.name.padEnd(50)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  ${(base.rps / r.rps).toFixed(1).padStart(5)}× slower than bare${r.non2xx ? `  (${r.non2xx} non-2xx!)` : ""}`,
    ),
    `  app peak RSS ${peakRss ? Math.round(Number(peakRss) / 1024) : "?"} MB`,
    "EXPLAIN ANALYZE of the queries behind these pages:",
    ...explained,
  ].join("\n"),
);
bare.kill("SIGTERM");
await bench.stop();
if (results.some((r) => r.non2xx > 0) || seqScans > 0) process.exit(1);
