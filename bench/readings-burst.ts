// The reading-window burst (issue #4): many customers submit readings at once, 50 connections on
// 127.0.0.1. Prints requests/s, p50/p99 latency, and checks that every acknowledged submission
// is in the database. A benchmark, not a timed test: numbers vary with the machine.
//   pnpm bench:readings [-- --seconds 20 --accounts 2000 --connections 50]
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startBenchApp } from "./harness.ts";
import { scrapeCounter } from "./metrics-token.ts";

const { values } = parseArgs({
  // `pnpm bench:x -- --accounts 100000` passes the "--" through: drop it, or every option after
  // it would be read as a positional argument.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  allowPositionals: true, // pnpm passes a lone "--" through
  options: {
    seconds: { type: "string", default: "20" },
    accounts: { type: "string", default: "2000" },
    connections: { type: "string", default: "50" },
  },
});

// The 20th of the month, noon in Moscow: the window is open.
const now = new Date("2026-11-20T09:00:00Z");
const bench = await startBenchApp({ accounts: Number(values.accounts), customers: 1000, now });
console.log(`customers: ${bench.customers.length} with a meter each; app at ${bench.baseUrl}`);

const statementsBefore = await scrapeCounter(bench.baseUrl, "lk_db_statements_total");
const acknowledged: string[] = [];
// Answers other than 201 by status and code (a value the random walk made 3× the usual use asks
// for confirmation, 409 NEEDS_CONFIRMATION, as it would for a customer).
const refusals = new Map<string, number>();
let next = 0;
const result = await autocannon({
  url: bench.baseUrl,
  connections: Number(values.connections),
  duration: Number(values.seconds),
  requests: [
    {
      method: "POST",
      setupRequest: (request) => {
        const c = bench.customers[next++ % bench.customers.length];
        if (!c) return request;
        const values = Object.fromEntries(
          c.zones.map((z, i) => [z, String(Math.floor((c.previous[i] ?? 0) + 1 + (next % 90)))]),
        );
        return {
          ...request,
          path: `/api/accounts/${c.accountId}/meters/${c.meterId}/readings`,
          headers: { "content-type": "application/json", authorization: `Bearer ${c.token}` },
          body: JSON.stringify({ idempotencyKey: randomUUID(), values }),
        };
      },
      onResponse: (status, body) => {
        if (status === 201) acknowledged.push(JSON.parse(body).reading.id);
        else
          refusals.set(
            `${status} ${JSON.parse(body).error?.code}`,
            (refusals.get(`${status} ${JSON.parse(body).error?.code}`) ?? 0) + 1,
          );
      },
    },
  ],
});

// Sent by the app during the burst (its own pool only: the checks below use another client).
const statements = (await scrapeCounter(bench.baseUrl, "lk_db_statements_total")) - statementsBefore;
const stored = new Set<string>();
for (let i = 0; i < acknowledged.length; i += 5000) {
  const rows = await bench.db.reading.findMany({
    where: { id: { in: acknowledged.slice(i, i + 5000) } },
    select: { id: true },
  });
  for (const r of rows) stored.add(r.id);
}
const non2xx = result.non2xx;
// Peak resident memory of the app's process over the run.
const peakRss = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${bench.pid}/status`, "utf8"))?.[1];
console.log(
  [
    "",
    `reading submissions, ${values.connections} connections, ${values.seconds} s, ${values.accounts} accounts in the world`,
    `  requests/s   ${result.requests.average.toFixed(0)} (total ${result.requests.total})`,
    `  latency      p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    `  answers      ${acknowledged.length} acknowledged (201), ${non2xx} other${refusals.size ? ` (${[...refusals].map(([k, n]) => `${k} ×${n}`).join(", ")})` : ""}, ${result.errors} errors, ${result.timeouts} timeouts`,
    `  statements   ${(statements / Math.max(1, result.requests.total)).toFixed(2)} per submission (${statements} in all, the rate limit's counter included)`,
    `  durability   ${stored.size} of ${acknowledged.length} acknowledged submissions found in the database`,
    `  memory       app peak RSS ${peakRss ? Math.round(Number(peakRss) / 1024) : "?"} MB`,
  ].join("\n"),
);
await bench.stop();
if (stored.size !== acknowledged.length || acknowledged.length === 0) process.exit(1);
