// A benchmark world: a fresh embedded PostgreSQL, the billing world, customers linked to
// accounts with live sessions, and the real app listening on 127.0.0.1 with a fixed clock.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { createDatabaseClient, migrateDeploy, seedWorld } from "@lk/db";
import { freePort, startEmbeddedPostgres } from "@lk/db/embedded";
import { buildApp } from "../apps/api/src/app.ts";
import { loadConfig } from "../apps/api/src/config.ts";
import { fixedClock } from "../apps/api/src/lib/clock.ts";

/**
 * The port a server of bench/ prints as `listening <port>`. Its log lines (the app logs at info
 * as shipped) come on the same stdout, before and after: they are read and dropped.
 */
export function listeningPort(stdout: NodeJS.ReadableStream): Promise<number> {
  // Lines are read for the life of the server (a pipe nobody reads would block its writes).
  const lines = readline.createInterface({ input: stdout });
  return new Promise((resolve, reject) => {
    lines.on("line", (line) => {
      const port = /^listening (\d+)$/.exec(line)?.[1];
      if (port) resolve(Number(port));
    });
    lines.on("close", () => reject(new Error("The server stopped before it listened")));
  });
}

export interface BenchCustomer {
  token: string;
  accountId: string;
  meterId: string;
  zones: string[];
  /** The last value before the window, per zone. */
  previous: number[];
}

/**
 * A fresh cluster in a temporary folder, or, with BENCH_WORLD_DIR set, a kept one: each world
 * (accounts × clock) is seeded once into its own database under that folder, and every run works on a copy of
 * it (CREATE DATABASE … TEMPLATE), so the 100 000-account world (about 11 minutes to seed) is
 * seeded once and every run still starts from the same rows.
 */
async function openWorld(options: { accounts: number; now: Date }) {
  const kept = process.env.BENCH_WORLD_DIR;
  // One cluster per world size, so two worlds can be up at once (bench:api --large).
  const dir = kept
    ? path.resolve(kept, `accounts-${options.accounts}`)
    : await fs.mkdtemp(path.join(os.tmpdir(), "lk-bench-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort() });
  const world = `world_${options.accounts}_${options.now.getTime()}`;
  const seededMarker = path.join(dir, `${world}.seeded`);
  const reused = kept !== undefined && (await fs.stat(seededMarker).catch(() => null)) !== null;
  if (!reused) {
    await pg.dropDatabase(world);
    await pg.createDatabase(world);
    await migrateDeploy(pg.urlFor(world));
    const seeder = createDatabaseClient(pg.urlFor(world), { poolSize: 20 });
    const started = Date.now();
    await seedWorld(seeder, { accounts: options.accounts, now: options.now });
    await seeder.$executeRawUnsafe("ANALYZE");
    await seeder.$disconnect();
    console.log(`world: ${options.accounts} accounts seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (kept) await fs.writeFile(seededMarker, new Date().toISOString());
  } else {
    console.log(`world: ${options.accounts} accounts, kept in ${dir}`);
  }
  await pg.dropDatabase("bench");
  await pg.createDatabase("bench", world);
  return {
    url: pg.urlFor("bench"),
    async close() {
      await pg.stop();
      if (!kept) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

export async function startBenchApp(options: { accounts: number; customers: number; now: Date }) {
  const world = await openWorld(options);
  const { url } = world;
  const db = createDatabaseClient(url, { poolSize: Number(process.env.BENCH_POOL ?? 20) });

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
    // BENCH_PROFILE=<folder>: the app writes a V8 CPU profile there when it stops (open it in
    // Chrome's DevTools), to see where a request's time goes.
    const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    const child = spawn(
      process.execPath,
      [...profile, "--import", "tsx", path.join(import.meta.dirname, "server.ts")],
      {
        env: {
          ...process.env,
          BENCH_DATABASE_URL: url,
          BENCH_NOW: options.now.toISOString(),
          BENCH_JWT_SECRET: secret,
          BENCH_PORT: String(port),
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    port = await listeningPort(child.stdout);
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
    /** For a second server on the same world (bench/minimal-server.ts): its database and token key. */
    databaseUrl: url,
    jwtSecret: secret,
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
      await world.close();
    },
  };
}
