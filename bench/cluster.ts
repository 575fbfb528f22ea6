// The cluster test (issue 17): embedded PostgreSQL, three API instances, HAProxy in front (Debian's
// package, deploy/haproxy/haproxy.cfg). Through the balancer: customers' journeys while one
// instance is killed; the sign-in and answer limits across instances; PostgreSQL stopped for 10 s;
// then every acknowledged write is in the database exactly once and balances add up; and the
// reading burst's throughput through the balancer beside one instance. Exits 1 on any failure.
//   pnpm test:cluster [-- --seconds 15]
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabaseClient, hashPassword, migrateDeploy, seedWorld } from "@lk/db";
import { freePort, startEmbeddedPostgres } from "@lk/db/embedded";
import { SECURE_CODE } from "@lk/domain";
import autocannon from "autocannon";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { seconds: { type: "string", default: "15" } },
});
const SECONDS = Number(values.seconds);
const ROOT = path.resolve(import.meta.dirname, "..");
const NOW = "2026-11-20T12:00:00+03:00"; // the reading window is open
const PASSWORD = "Cluster-pass-2026";
const SECRET = "cluster-secret-cluster-secret-cluster-42";
const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) problems.push(what);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ─── The world ───────────────────────────────────────────────────────────────────────────
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lk-cluster-"));
const pgPort = await freePort();
let pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: pgPort });
await pg.createDatabase("lk");
const url = pg.urlFor("lk");
await migrateDeploy(url);
const db = createDatabaseClient(url, { poolSize: 5 });
await seedWorld(db, { accounts: 300, now: new Date(NOW) });

interface Customer {
  email: string;
  accountId: string;
  meterId: string;
  zones: string[];
  last: number[];
  /** The loopback address this customer's requests come from (HAProxy appends it). */
  from: string;
  token?: string;
  cookie?: string;
}
const passwordHash = await hashPassword(PASSWORD);
const meters = await db.meter.findMany({
  where: { automated: false, faulty: false },
  take: 40,
  orderBy: { id: "asc" },
  include: { readings: { orderBy: { takenAt: "desc" }, take: 1 } },
});
const customers: Customer[] = [];
for (const [i, meter] of meters.entries()) {
  const user = await db.user.create({
    data: { email: `c${i}@cluster.test`, fullName: "Кластер Тест", passwordHash, emailConfirmedAt: new Date() },
  });
  await db.accountLink.create({ data: { userId: user.id, accountId: meter.accountId, isPrimary: true } });
  const last = meter.readings[0];
  customers.push({
    email: user.email,
    accountId: meter.accountId,
    meterId: meter.id,
    zones: meter.zones,
    last: meter.zones.map((_, z) => Number([last?.t1, last?.t2, last?.t3][z] ?? 0)),
    from: `127.0.1.${i + 1}`,
  });
}
const balancesBefore = new Map(
  (await db.personalAccount.findMany({ select: { id: true, balanceKopecks: true } })).map((a) => [
    a.id,
    a.balanceKopecks,
  ]),
);

// ─── Three instances and the balancer ───────────────────────────────────────────────────
interface Instance {
  port: number;
  child: ChildProcess;
}
async function startInstance(port: number): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "apps/api/src/server.ts")], {
    cwd: path.join(ROOT, "apps/api"),
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: url,
      JWT_SECRET: SECRET,
      // An external database is a deployment: the gateway must be named. Payments here are simulated.
      PAYMENT_ACQUIRER: "simulated",
      HOST: "127.0.0.1",
      PORT: String(port),
      TRUST_PROXY: "127.0.0.1",
      CLOCK_FIXED_AT: NOW,
      LOG_LEVEL: "warn",
      SHUTDOWN_DRAIN_MS: "0",
      RATE_LIMIT_READINGS_PER_MINUTE: "100000",
      RATE_LIMIT_PAYMENTS_PER_MINUTE: "100000",
      UPLOAD_DIR: path.join(dir, "uploads"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (chunk) => {
    out += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    out += chunk;
  });
  for (let i = 0; i < 300 && !out.includes("запущен"); i++) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} stopped:\n${out}`);
    await sleep(100);
  }
  return { port, child };
}
const instances: Instance[] = [];
for (let i = 0; i < 3; i++) instances.push(await startInstance(await freePort()));

const lbPort = await freePort();
const template = await fs.readFile(path.join(ROOT, "deploy/haproxy/haproxy.cfg"), "utf8");
const cfg = template
  .replaceAll("{{BIND}}", `127.0.0.1:${lbPort}`)
  .replaceAll("{{ERRORS}}", path.join(ROOT, "deploy/haproxy"))
  .replaceAll(
    "{{SERVERS}}",
    instances.map((inst, i) => `  server api${i + 1} 127.0.0.1:${inst.port} check`).join("\n"),
  );
await fs.writeFile(path.join(dir, "haproxy.cfg"), cfg);
// Its log (servers going down and up) is printed when a check fails.
const haproxy = spawn(process.env.HAPROXY ?? "haproxy", ["-f", path.join(dir, "haproxy.cfg"), "-db"], {
  stdio: ["ignore", "ignore", "pipe"],
});
let haproxyLog = "";
haproxy.stderr?.on("data", (chunk) => {
  haproxyLog += chunk;
});

// ─── A client as the SPA is one: idempotency keys, retries on 503 and lost connections ───
interface Answer {
  status: number;
  body: Record<string, unknown>;
  cookie?: string;
}
function call(
  method: string,
  route: string,
  options: {
    body?: unknown;
    /** A form as a browser posts it (the acquirer's page). */
    form?: Record<string, string>;
    token?: string;
    cookie?: string;
    from?: string;
    port?: number;
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = options.form
      ? new URLSearchParams(options.form).toString()
      : options.body === undefined
        ? undefined
        : JSON.stringify(options.body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port: options.port ?? lbPort,
        method,
        path: route,
        localAddress: options.from,
        headers: {
          ...(payload
            ? { "content-type": options.form ? "application/x-www-form-urlencoded" : "application/json" }
            : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.cookie ? { cookie: `lk_refresh=${options.cookie}` } : {}),
        },
        timeout: 15_000,
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => {
          const cookie = [res.headers["set-cookie"] ?? []]
            .flat()
            .find((c) => c.startsWith("lk_refresh="))
            ?.split(";")[0]
            ?.slice("lk_refresh=".length);
          let body: Record<string, unknown> = {};
          try {
            body = text ? JSON.parse(text) : {};
          } catch {
            body = { raw: text.slice(0, 200) };
          }
          resolve({ status: res.statusCode ?? 0, body, cookie: cookie || undefined });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(payload);
  });
}

const seen = { total: 0, byStatus: new Map<number, number>(), retries: 0, lost: 0 };
/** Sends until it is answered (not 502/503, not a lost connection), as the SPA retries. */
async function reliably(send: () => Promise<Answer>): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    let answer: Answer | null = null;
    try {
      answer = await send();
      seen.total += 1;
      seen.byStatus.set(answer.status, (seen.byStatus.get(answer.status) ?? 0) + 1);
    } catch {
      seen.lost += 1;
    }
    if (answer && answer.status !== 502 && answer.status !== 503) return answer;
    if (attempt >= 40) throw new Error(`no answer after ${attempt} retries`);
    seen.retries += 1;
    await sleep(250);
  }
}

async function signIn(c: Customer) {
  const answer = await reliably(() =>
    call("POST", "/api/auth/sign-in", { body: { login: c.email, password: PASSWORD }, from: c.from }),
  );
  if (answer.status !== 200) throw new Error(`sign-in ${answer.status} ${JSON.stringify(answer.body)}`);
  c.token = answer.body.accessToken as string;
  c.cookie = answer.cookie;
}

const acknowledged: { kind: "reading" | "payment"; id: string; accountId: string; amount?: number }[] = [];
let step = 0;
/** One pass of a customer's journey: the cabinet, a reading, a payment, a session refresh. */
async function journey(c: Customer) {
  const auth = { token: c.token, from: c.from };
  const list = await reliably(() => call("GET", "/api/accounts", auth));
  if (list.status !== 200) throw new Error(`accounts ${list.status}`);
  const page = await reliably(() => call("GET", `/api/accounts/${c.accountId}`, auth));
  if (page.status !== 200) throw new Error(`account page ${page.status}`);
  step += 1;
  const values = Object.fromEntries(c.zones.map((z, i) => [z, String(Math.floor((c.last[i] ?? 0) + 1 + (step % 40)))]));
  const readingKey = randomUUID();
  const reading = await reliably(() =>
    call("POST", `/api/accounts/${c.accountId}/meters/${c.meterId}/readings`, {
      ...auth,
      body: { idempotencyKey: readingKey, values, confirmLargeJump: true, confirmRollover: true },
    }),
  );
  if (reading.status !== 201) throw new Error(`reading ${reading.status} ${JSON.stringify(reading.body)}`);
  acknowledged.push({ kind: "reading", id: (reading.body.reading as { id: string }).id, accountId: c.accountId });
  const amount = 100 + (step % 900);
  const payKey = randomUUID();
  const payment = await reliably(() =>
    call("POST", `/api/accounts/${c.accountId}/payments`, {
      ...auth,
      body: { idempotencyKey: payKey, amountKopecks: amount },
    }),
  );
  if (payment.status !== 201) throw new Error(`payment ${payment.status} ${JSON.stringify(payment.body)}`);
  acknowledged.push({
    kind: "payment",
    id: (payment.body.payment as { id: string }).id,
    accountId: c.accountId,
    amount,
  });
  // The card and 3-D Secure on the acquirer's page, through the balancer: whichever instance
  // serves each step finds the page in the shared database.
  const acquirerPage = payment.body.confirmationUrl as string;
  const card = await reliably(() =>
    call("POST", `${acquirerPage}/card`, {
      form: { number: "4111111111111111", expiry: "12/30", cvc: "123" },
      from: c.from,
    }),
  );
  if (card.status !== 303) throw new Error(`acquirer card ${card.status}`);
  const code = await reliably(() =>
    call("POST", `${acquirerPage}/code`, { form: { code: SECURE_CODE }, from: c.from }),
  );
  if (code.status !== 303) throw new Error(`acquirer code ${code.status}`);
  const refreshed = await reliably(() => call("POST", "/api/auth/refresh", { cookie: c.cookie, from: c.from }));
  if (refreshed.status !== 200) throw new Error(`refresh ${refreshed.status}`);
  c.token = refreshed.body.accessToken as string;
  c.cookie = refreshed.cookie ?? c.cookie;
}

try {
  for (let i = 0; ; i++) {
    const ready = await call("GET", "/api/health/ready").catch(() => null);
    if (ready?.status === 200) break;
    if (i > 100 || haproxy.exitCode !== null) throw new Error("the balancer did not come up");
    await sleep(200);
  }

  // ─── 1. Journeys while an instance dies ────────────────────────────────────────────────
  console.log(`1. ${customers.length} customers' journeys for ${SECONDS} s; instance 2 killed (SIGKILL) at a third`);
  for (const c of customers) await signIn(c);
  let running = true;
  let passes = 0;
  const failures: string[] = [];
  const runners = customers.map(async (c) => {
    while (running) {
      try {
        await journey(c);
        passes += 1;
      } catch (error) {
        failures.push(String(error));
        return;
      }
    }
  });
  await sleep((SECONDS * 1000) / 3);
  const victim = instances[1] as Instance;
  victim.child.kill("SIGKILL");
  await once(victim.child, "exit");
  const killedAt = passes;
  await sleep((SECONDS * 2000) / 3);
  running = false;
  await Promise.all(runners);
  check(
    failures.length === 0,
    `no journey failed (${passes} passes, ${passes - killedAt} after the kill)${failures.length ? `: ${failures[0]}` : ""}`,
  );
  check(passes - killedAt > 0, "journeys went on after the kill");
  const stillIn = await Promise.all(
    customers.map((c) => reliably(() => call("GET", "/api/auth/me", { token: c.token, from: c.from }))),
  );
  check(
    stillIn.every((a) => a.status === 200),
    "every customer is still signed in after the kill",
  );
  instances[1] = await startInstance(victim.port);

  // ─── 2. Limits across instances ───────────────────────────────────────────────────────
  console.log("2. limits from one address, spread over the instances by the balancer");
  await sleep(2500); // the restarted instance is back in rotation
  const signIns: number[] = [];
  for (let i = 0; i < 45; i++) {
    signIns.push(
      (
        await call("POST", "/api/auth/sign-in", {
          body: { login: `nobody${i}@x.test`, password: "Wrong-1234" },
          from: "127.0.2.1",
        })
      ).status,
    );
  }
  check(
    signIns.filter((s) => s === 401).length === 20,
    `sign-in: ${signIns.filter((s) => s === 401).length} of 45 let through (limit 20 a minute)`,
  );
  // Four customers behind one address, ten answers each: under each one's own budget over every
  // number (20 a day), so only the address's limit is at work.
  const answers: number[] = [];
  for (let i = 0; i < 40; i++) {
    const guesser = customers[i % 4] as Customer;
    answers.push(
      (
        await call("POST", "/api/accounts/link/confirm", {
          token: guesser.token,
          from: "127.0.2.2",
          body: {
            supplierId: "mosenergosbyt",
            accountNumber: `7797${String(i).padStart(6, "0")}`,
            question: "BILL_TOTAL",
            answer: "1,00",
          },
        })
      ).status,
    );
  }
  check(
    answers.filter((s) => s === 422).length === 30,
    `control-question answers: ${answers.filter((s) => s === 422).length} of 40 checked (limit 30 a minute)`,
  );

  // ─── 3. PostgreSQL away for 10 s ──────────────────────────────────────────────────────
  console.log("3. PostgreSQL stopped for 10 s, then started again");
  const c0 = customers[2] as Customer;
  await pg.stop();
  const during: number[] = [];
  const readiness: number[] = [];
  const stoppedAt = Date.now();
  while (Date.now() - stoppedAt < 10_000) {
    during.push(
      (await call("GET", "/api/accounts", { token: c0.token, from: c0.from }).catch(() => ({ status: 0 }))).status,
    );
    for (const inst of instances) {
      readiness.push((await call("GET", "/api/health/ready", { port: inst.port }).catch(() => ({ status: 0 }))).status);
    }
    await sleep(300);
  }
  check(
    during.length > 0 && during.every((s) => s === 503),
    `while it is away every request answers 503 (${during.length} sent: ${[...new Set(during)].join(", ")})`,
  );
  check(
    readiness.every((s) => s === 503),
    "every instance reports not ready",
  );
  pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: pgPort });
  const back = Date.now();
  let recovered = false;
  while (Date.now() - back < 20_000 && !recovered) {
    recovered =
      (await call("GET", "/api/accounts", { token: c0.token, from: c0.from }).catch(() => ({ status: 0 }))).status ===
      200;
    if (!recovered) await sleep(300);
  }
  check(
    recovered,
    `requests are served again ${((Date.now() - back) / 1000).toFixed(1)} s after it is back, by themselves`,
  );
  await journey(c0);

  // ─── Nothing lost, nothing twice ───────────────────────────────────────────────────────
  console.log("4. every acknowledged write, once");
  const check2 = createDatabaseClient(url, { poolSize: 2 });
  const readingIds = acknowledged.filter((a) => a.kind === "reading").map((a) => a.id);
  const paymentIds = acknowledged.filter((a) => a.kind === "payment").map((a) => a.id);
  const readings = await check2.reading.count({ where: { id: { in: readingIds } } });
  const payments = await check2.payment.findMany({ where: { id: { in: paymentIds } } });
  check(readings === new Set(readingIds).size, `readings acknowledged ${readingIds.length}, found ${readings}`);
  check(
    payments.length === new Set(paymentIds).size,
    `payments acknowledged ${paymentIds.length}, found ${payments.length}`,
  );
  const duplicates = await check2.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT "createdById", "idempotencyKey" FROM "Payment" WHERE "idempotencyKey" IS NOT NULL
    GROUP BY 1, 2 HAVING count(*) > 1) d`;
  check((duplicates[0]?.n ?? 0) === 0, "no idempotency key made two payments");
  // The payments made here (the world's history has payments of its own, already in the balances).
  const accepted = await check2.payment.groupBy({
    by: ["accountId"],
    where: { channel: "PORTAL", status: "ACCEPTED", createdById: { not: null } },
    _sum: { amountKopecks: true },
  });
  const balances = await check2.personalAccount.findMany({ select: { id: true, balanceKopecks: true } });
  const off = balances.filter((b) => {
    const paid = accepted.find((a) => a.accountId === b.id)?._sum.amountKopecks ?? 0;
    return b.balanceKopecks !== (balancesBefore.get(b.id) ?? 0) - paid;
  });
  const detail = await Promise.all(
    off.slice(0, 3).map(async (b) => {
      const rows = await check2.payment.findMany({
        where: { accountId: b.id, createdById: { not: null } },
        select: { status: true, amountKopecks: true },
      });
      return `${b.id}: before ${balancesBefore.get(b.id)}, now ${b.balanceKopecks}, portal payments ${JSON.stringify(rows.map((r) => `${r.status}:${r.amountKopecks}`))}`;
    }),
  );
  check(
    off.length === 0,
    `every balance moved by exactly its accepted payments${off.length ? ` (${off.length} off: ${detail.join("; ")})` : ""}`,
  );
  await check2.$disconnect();

  // ─── 5. The reading burst: one instance beside three behind the balancer ────────────────
  console.log("5. reading burst, 8 s each, 50 connections: one instance directly, then three behind HAProxy");
  const burst = async (port: number) => {
    let n = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 50,
      duration: 8,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const c = customers[n++ % customers.length] as Customer;
            const values = Object.fromEntries(
              c.zones.map((z, i) => [z, String(Math.floor((c.last[i] ?? 0) + 1 + (n % 40)))]),
            );
            return {
              ...request,
              path: `/api/accounts/${c.accountId}/meters/${c.meterId}/readings`,
              headers: { "content-type": "application/json", authorization: `Bearer ${c.token}` },
              body: JSON.stringify({
                idempotencyKey: randomUUID(),
                values,
                confirmLargeJump: true,
                confirmRollover: true,
              }),
            };
          },
        },
      ],
    });
    return { rps: result.requests.average, p99: result.latency.p99, ok: result["2xx"], other: result.non2xx };
  };
  const one = await burst((instances[0] as Instance).port);
  const three = await burst(lbPort);
  console.log(
    `  one instance:   ${one.rps.toFixed(0)} req/s, p99 ${one.p99} ms (${one.ok} acknowledged, ${one.other} other)`,
  );
  console.log(
    `  three + HAProxy: ${three.rps.toFixed(0)} req/s, p99 ${three.p99} ms (${three.ok} acknowledged, ${three.other} other)`,
  );

  console.log(
    `\nrequests through the balancer in 1–3: ${seen.total} answered (${[...seen.byStatus].map(([s, n]) => `${s}×${n}`).join(", ")}), ${seen.lost} connections lost and retried, ${seen.retries} retries in all`,
  );
} finally {
  haproxy.kill("SIGTERM");
  for (const inst of instances) inst.child.kill("SIGTERM");
  await Promise.all(instances.map((inst) => (inst.child.exitCode === null ? once(inst.child, "exit") : null)));
  await db.$disconnect().catch(() => undefined);
  await pg.stop().catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`\nHAProxy's log:\n${haproxyLog}`);
  console.error(`\nthe cluster test failed: ${problems.length} check(s)`);
  process.exit(1);
}
console.log("\nthe cluster test passed");
