// Offline replacement for `prisma migrate deploy` / `prisma migrate dev`: drives Prisma's official
// WebAssembly schema engine through the pg driver adapter, so no native engine binary is needed.
// The migrations folder stays in Prisma's format and `_prisma_migrations` is filled the same way,
// so `prisma migrate deploy` with the native engine applies the same files.
// Why: docs/decisions/002-prisma-offline-migrations.md.
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine as Engine, MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";

const here = path.dirname(new URL(import.meta.url).pathname);
export const SCHEMA_PATH = path.resolve(here, "..", "schema.prisma");
export const MIGRATIONS_DIR = path.resolve(here, "..", "migrations");

const filters = { externalTables: [], externalEnums: [] };

interface Paths {
  schemaPath?: string;
  migrationsDir?: string;
}

declare global {
  // The engine reports a Rust panic's message through this registry.
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}

let lastPanic: string | undefined;
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    lastPanic = message;
  },
};

let engineClass: Promise<typeof Engine> | undefined;
function loadEngineClass(): Promise<typeof Engine> {
  engineClass ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg = await import(path.join(dir, "schema_engine_bg.js"));
    const module = new WebAssembly.Module(await fs.readFile(path.join(dir, "schema_engine_bg.wasm")));
    const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg.SchemaEngine as typeof Engine;
  })();
  return engineClass;
}

function pgConfig(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

/** Works around two adapter/engine mismatches (see ARCHITECTURE.md). */
function patchAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  // The engine sends whole multi-statement scripts through executeRaw on the shadow database.
  adapter.executeRaw = async (query: SqlQuery) => {
    if (query.args.length === 0 && /;\s*\S/.test(query.sql)) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  // adapter-pg rejects PostgreSQL's internal "char" type (OID 18) from catalog queries: call it text.
  const withIO = adapter as unknown as { performIO?: (q: SqlQuery) => Promise<{ fields?: { dataTypeID: number }[] }> };
  if (typeof withIO.performIO === "function") {
    const performIO = withIO.performIO.bind(adapter);
    withIO.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
  }
  return adapter;
}

function adapterFor(url: string, opened: SqlDriverAdapter[]) {
  const config = pgConfig(url);
  const base = new PrismaPg(config);
  // Our own shadow database: PrismaPg.connectToShadowDb() reuses the main database when given a
  // connection string, and drops the shadow while its pool is still open.
  const connectToShadowDb = async () => {
    const name = `prisma_shadow_${process.pid}_${Date.now()}`;
    const main = await base.connect();
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...config, database: name }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await main.dispose();
    };
    return patchAdapter(shadow);
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const adapter = patchAdapter(await base.connect());
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb,
  });
}

async function withEngine<T>(url: string, schemaPath: string, run: (engine: Engine) => Promise<T>): Promise<T> {
  const SchemaEngine = await loadEngineClass();
  const datamodel = await fs.readFile(schemaPath, "utf8");
  // The engine does not close the connections it opens; we do, or the pool keeps the database busy.
  const opened: SqlDriverAdapter[] = [];
  const adapter = adapterFor(url, opened);
  const debug = process.env.DEBUG_MIGRATIONS ? (m: string) => console.error(m) : () => undefined;
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, debug, adapter);
  try {
    return await run(engine);
  } catch (error) {
    throw new MigrationError(describe(error, adapter.errorRegistry));
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose().catch(() => undefined)));
  }
}

export class MigrationError extends Error {}

function describe(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): string {
  const message = error instanceof Error ? error.message : String(error);
  const external = /External error id#(\d+)/.exec(message);
  const cause = external ? registry.consumeError(Number(external[1]))?.error : undefined;
  const detail = cause instanceof Error ? cause.message : cause ? JSON.stringify(cause) : "";
  return [message, detail && `database said: ${detail}`, lastPanic && `engine panic: ${lastPanic}`]
    .filter(Boolean)
    .join("\n");
}

async function listMigrations(migrationsDir: string): Promise<MigrationList> {
  await fs.mkdir(migrationsDir, { recursive: true });
  const lock = await fs.readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null);
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  dirs.sort();
  const migrationDirectories = [];
  for (const dir of dirs) {
    const content = await fs.readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8");
    migrationDirectories.push({
      path: dir,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: content } },
    });
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lock },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

/** Applies every migration not yet applied (`prisma migrate deploy`). Returns their names. */
export async function migrateDeploy(url: string, paths: Paths = {}): Promise<string[]> {
  const migrationsDir = paths.migrationsDir ?? MIGRATIONS_DIR;
  return withEngine(url, paths.schemaPath ?? SCHEMA_PATH, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: await listMigrations(migrationsDir), filters });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that would take a database built by the migrations to the schema; empty when the
 * migrations produce exactly the schema. Replays the migrations on a temporary shadow database.
 */
export async function diffMigrationsToSchema(url: string, paths: Paths = {}): Promise<string> {
  const schemaPath = paths.schemaPath ?? SCHEMA_PATH;
  const migrations = await listMigrations(paths.migrationsDir ?? MIGRATIONS_DIR);
  const schema = { path: schemaPath, content: await fs.readFile(schemaPath, "utf8") };
  return withEngine(url, schemaPath, async (engine) => {
    const from = migrations.migrationDirectories.length
      ? ({ tag: "migrations", ...migrations } as const)
      : ({ tag: "empty" } as const);
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters,
    });
    const sql = result.stdout ?? "";
    return /empty migration/i.test(sql) ? "" : sql.trim();
  });
}

/**
 * `prisma migrate dev --name NAME`: writes a new migration with the difference between the
 * migrations so far and the schema, then applies it. Returns the new folder, or null when the
 * schema has not changed.
 */
export async function createMigration(url: string, name: string, paths: Paths = {}): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new MigrationError("Migration name: use lowercase letters, digits and _.");
  const migrationsDir = paths.migrationsDir ?? MIGRATIONS_DIR;
  const sql = await diffMigrationsToSchema(url, paths);
  let created: string | null = null;
  if (sql) {
    await fs.mkdir(migrationsDir, { recursive: true });
    const lockPath = path.join(migrationsDir, "migration_lock.toml");
    await fs
      .access(lockPath)
      .catch(() => fs.writeFile(lockPath, '# Please do not edit this file manually\nprovider = "postgresql"\n'));
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    created = path.join(migrationsDir, `${stamp}_${name}`);
    await fs.mkdir(created);
    await fs.writeFile(path.join(created, "migration.sql"), `${sql}\n`);
  }
  await migrateDeploy(url, paths);
  return created;
}
