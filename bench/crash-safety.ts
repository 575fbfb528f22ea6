// Crash safety (issue #8): a burst of reading submissions and payments (started only: since issue
// #20 the card is typed on the acquirer's page), the API killed with SIGKILL in the middle of it,
// started again; then every acknowledged write must be in the
// database exactly once, every retry with the same idempotency key must find the first result,
// and each account's balance must have moved by exactly its accepted payments.
//   pnpm test:crash [-- --rounds 3 --workers 40]
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { type BenchCustomer, startBenchApp } from "./harness.ts";

const { values } = parseArgs({
  // `pnpm bench:x -- --accounts 100000` passes the "--" through: drop it, or every option after
  // it would be read as a positional argument.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  allowPositionals: true,
  options: { rounds: { type: "string", default: "3" }, workers: { type: "string", default: "40" } },
});

interface Sent {
  kind: "reading" | "payment";
  customer: BenchCustomer;
  key: string;
  body: string;
  /** 201 with the id the API gave, "lost" when the connection died before an answer. */
  outcome: { status: number; id: string | null } | "lost";
}

const now = new Date("2026-11-20T09:00:00Z");
const bench = await startBenchApp({ accounts: 600, customers: 300, now });
const balancesBefore = new Map(
  (await bench.db.personalAccount.findMany({ select: { id: true, balanceKopecks: true } })).map((a) => [
    a.id,
    a.balanceKopecks,
  ]),
);
const sent: Sent[] = [];
let counter = 0;

function request(kind: Sent["kind"], customer: BenchCustomer) {
  counter += 1;
  const key = randomUUID();
  const path =
    kind === "reading"
      ? `/api/accounts/${customer.accountId}/meters/${customer.meterId}/readings`
      : `/api/accounts/${customer.accountId}/payments`;
  const body =
    kind === "reading"
      ? JSON.stringify({
          idempotencyKey: key,
          values: Object.fromEntries(
            customer.zones.map((z, i) => [z, String(Math.floor((customer.previous[i] ?? 0) + 1 + (counter % 50)))]),
          ),
        })
      : JSON.stringify({
          idempotencyKey: key,
          amountKopecks: 100 + (counter % 900),
        });
  return { kind, path, key, body };
}

async function send(customer: BenchCustomer, path: string, body: string) {
  const res = await fetch(bench.baseUrl + path, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${customer.token}` },
    body,
  });
  const json = (await res.json()) as { reading?: { id: string }; payment?: { id: string } };
  return { status: res.status, id: json.reading?.id ?? json.payment?.id ?? null };
}

/** Until the app answers, and a few requests so the burst does not meet a cold server. */
async function warmUp() {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${bench.baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const customer = bench.customers[0] as BenchCustomer;
  for (let i = 0; i < 5; i++) {
    await fetch(`${bench.baseUrl}/api/accounts/${customer.accountId}`, {
      headers: { authorization: `Bearer ${customer.token}` },
    });
  }
}

for (let round = 1; round <= Number(values.rounds); round++) {
  await warmUp();
  let running = true;
  const workers = Array.from({ length: Number(values.workers) }, async (_, w) => {
    while (running) {
      const customer = bench.customers[(counter + w) % bench.customers.length] as BenchCustomer;
      const r = request(counter % 2 === 0 ? "reading" : "payment", customer);
      const entry: Sent = { kind: r.kind, customer, key: r.key, body: r.body, outcome: "lost" };
      sent.push(entry);
      try {
        entry.outcome = await send(customer, r.path, r.body);
      } catch {
        running = false; // the server is gone
      }
    }
  });
  // Let the burst run, then pull the plug in the middle of it.
  await new Promise((resolve) => setTimeout(resolve, 3000 + Math.random() * 2000));
  await bench.kill();
  running = false;
  await Promise.all(workers);
  await bench.restart();
  console.log(`round ${round}: killed with SIGKILL after ${sent.length} requests so far; restarted`);
}

// Every acknowledged write is there exactly once.
const problems: string[] = [];
const acknowledged = sent.filter((s) => s.outcome !== "lost" && s.outcome.status === 201);
for (const s of acknowledged) {
  const id = (s.outcome as { id: string }).id;
  const count =
    s.kind === "reading"
      ? await bench.db.reading.count({ where: { idempotencyKey: s.key } })
      : await bench.db.payment.count({ where: { idempotencyKey: s.key } });
  const found =
    s.kind === "reading"
      ? await bench.db.reading.count({ where: { id } })
      : await bench.db.payment.count({ where: { id } });
  if (count !== 1 || found !== 1) problems.push(`${s.kind} ${s.key}: ${count} rows by key, ${found} by id`);
}
// A retry of every request, answered or lost, finds the first result and writes nothing new.
let retried = 0;
for (const s of sent) {
  const path =
    s.kind === "reading"
      ? `/api/accounts/${s.customer.accountId}/meters/${s.customer.meterId}/readings`
      : `/api/accounts/${s.customer.accountId}/payments`;
  const again = await send(s.customer, path, s.body);
  retried += 1;
  if (s.outcome !== "lost" && s.outcome.status === 201 && again.id !== s.outcome.id) {
    problems.push(`${s.kind} ${s.key}: retry answered ${again.status} ${again.id}, first was ${s.outcome.id}`);
  }
  const rows =
    s.kind === "reading"
      ? await bench.db.reading.count({ where: { idempotencyKey: s.key } })
      : await bench.db.payment.count({ where: { idempotencyKey: s.key } });
  if (rows > 1) problems.push(`${s.kind} ${s.key}: ${rows} rows after the retry`);
}
// Balances moved by exactly the accepted payments of the run.
const accepted = await bench.db.payment.groupBy({
  by: ["accountId"],
  where: { idempotencyKey: { in: sent.filter((s) => s.kind === "payment").map((s) => s.key) }, status: "ACCEPTED" },
  _sum: { amountKopecks: true },
});
for (const row of accepted) {
  const account = await bench.db.personalAccount.findUniqueOrThrow({ where: { id: row.accountId } });
  const expected = (balancesBefore.get(row.accountId) ?? 0) - (row._sum.amountKopecks ?? 0);
  if (account.balanceKopecks !== expected) {
    problems.push(`account ${row.accountId}: balance ${account.balanceKopecks}, expected ${expected}`);
  }
}

const lost = sent.filter((s) => s.outcome === "lost").length;
const statuses = new Map<string, number>();
for (const s of sent) {
  const label = `${s.kind} ${s.outcome === "lost" ? "lost" : s.outcome.status}`;
  statuses.set(label, (statuses.get(label) ?? 0) + 1);
}
console.log(
  [
    "",
    `crash safety: ${values.rounds} SIGKILLs during a burst of ${sent.length} requests (${values.workers} workers)`,
    `  acknowledged ${acknowledged.length} (201): ${acknowledged.filter((s) => s.kind === "reading").length} readings, ${acknowledged.filter((s) => s.kind === "payment").length} payments`,
    `  cut off by the kill: ${lost}; retried after restart: ${retried}`,
    `  answers: ${[...statuses].map(([label, n]) => `${label}: ${n}`).join(", ")}`,
    `  accounts whose balance was checked: ${accepted.length}`,
    `  problems: ${problems.length}`,
    ...problems.slice(0, 20).map((p) => `    ${p}`),
  ].join("\n"),
);
await bench.stop();
if (problems.length || acknowledged.length === 0) process.exit(1);
