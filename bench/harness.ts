// A benchmark world: a fresh embedded PostgreSQL, the billing world, customers linked to
// accounts with live sessions, and the real app listening on 127.0.0.1 with a fixed clock.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDatabaseClient, migrateDeploy, seedWorld } from "@lk/db";
import { freePort, startEmbeddedPostgres } from "@lk/db/embedded";
import { buildApp } from "../apps/api/src/app.ts";
import { loadConfig } from "../apps/api/src/config.ts";
import { fixedClock } from "../apps/api/src/lib/clock.ts";

export interface BenchCustomer {
  token: string;
  accountId: string;
  meterId: string;
  zones: string[];
  /** The last value before the window, per zone. */
  previous: number[];
}

export async function startBenchApp(options: { accounts: number; customers: number; now: Date }) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lk-bench-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort() });
  await pg.createDatabase("bench");
  const url = pg.urlFor("bench");
  await migrateDeploy(url);
  const db = createDatabaseClient(url, { poolSize: Number(process.env.BENCH_POOL ?? 20) });
  const seeded = Date.now();
  await seedWorld(db, { accounts: options.accounts, now: options.now });
  console.log(`world: ${options.accounts} accounts seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

  const secret = "bench-secret-bench-secret-bench-secret-42";
  // Only to sign tokens here; the app under load runs in a child process (server.ts).
  const signer = await buildApp({
    config: loadConfig({ NODE_ENV: "test", JWT_SECRET: secret, LOG_LEVEL: "silent" }),
    db,
    clock: fixedClock(options.now),
  });
  await signer.ready();
  let port = 0;
  const startChild = async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "server.ts")], {
      env: {
        ...process.env,
        BENCH_DATABASE_URL: url,
        BENCH_NOW: options.now.toISOString(),
        BENCH_JWT_SECRET: secret,
        BENCH_PORT: String(port),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [line] = (await once(child.stdout, "data")) as [Buffer];
    port = Number(/listening (\d+)/.exec(line.toString())?.[1]);
    return child;
  };
  let child = await startChild();
  const baseUrl = `http://127.0.0.1:${port}`;

  // Meters that accept readings, one customer each, signed in (a session row and a token).
  const meters = await db.meter.findMany({
    where: { automated: false, faulty: false },
    take: options.customers,
    orderBy: { id: "asc" },
    include: { readings: { orderBy: { takenAt: "desc" }, take: 1 } },
  });
  const customers: BenchCustomer[] = [];
  for (const [i, meter] of meters.entries()) {
    const user = await db.user.create({
      data: { email: `bench${i}@example.ru`, fullName: "Нагрузка Тест", passwordHash: "not-used" },
    });
    const familyId = randomUUID();
    await db.refreshSession.create({
      data: {
        userId: user.id,
        familyId,
        tokenHash: randomUUID(),
        expiresAt: new Date(options.now.getTime() + 86_400_000),
      },
    });
    await db.accountLink.create({ data: { userId: user.id, accountId: meter.accountId, isPrimary: true } });
    const last = meter.readings[0];
    const columns = [last?.t1, last?.t2, last?.t3];
    customers.push({
      token: signer.jwt.sign({ sub: user.id, sid: familyId, role: "CUSTOMER" }, { expiresIn: 3600 }),
      accountId: meter.accountId,
      meterId: meter.id,
      zones: meter.zones,
      previous: meter.zones.map((_, z) => Number(columns[z] ?? 0)),
    });
  }
  return {
    db,
    /** The app's process, e.g. for its resident memory. */
    get pid() {
      return child.pid;
    },
    baseUrl,
    customers,
    /** Kills the app's process with SIGKILL: no shutdown, no flushing, like a power cut. */
    async kill() {
      child.kill("SIGKILL");
      await once(child, "exit");
    },
    /** Starts the app again on the same port and database. */
    async restart() {
      child = await startChild();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      await signer.close();
      await db.$disconnect();
      await pg.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
