// Test databases: one embedded cluster per test run, a migrated template, and a fresh copy of it
// for each test file (CREATE DATABASE … TEMPLATE), so suites run in parallel and never share rows.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabaseClient } from "./client.ts";
import { freePort, startEmbeddedPostgres } from "./embedded.ts";
import { migrateDeploy } from "./migrate.ts";
import { seedWorld } from "./world-seed.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by prisma/test/global-setup.ts for every server test file. */
    databaseAdminUrl: string;
  }
}

export const TEMPLATE_DATABASE = "lk_test_template";

/** The "today" the test world was generated for; tests' clocks start here. */
export const TEST_WORLD_NOW = new Date("2026-11-20T09:00:00Z");
export const TEST_WORLD_ACCOUNTS = 40;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Copying a template fails while another copy of it is being made: take turns.
    await client.query("SELECT pg_advisory_lock(7312)");
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts the test cluster (embedded, or TEST_DATABASE_URL's server when set: a role with
 * CREATEDB) and builds the migrated template. Returns the admin URL and a teardown.
 */
export async function startTestCluster(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  let adminUrl: string;
  let stop = async (): Promise<void> => {};
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "lk-test-pg-"));
    const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: await freePort() });
    adminUrl = db.adminUrl;
    stop = async () => {
      await db.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  }
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DATABASE);
  await migrateDeploy(templateUrl);
  // Every test database starts with the same billing world (suppliers, accounts, history).
  const db = createDatabaseClient(templateUrl, { poolSize: 2 });
  await seedWorld(db, { accounts: TEST_WORLD_ACCOUNTS, now: TEST_WORLD_NOW });
  await db.$disconnect();
  return { adminUrl, stop };
}

/** A new, migrated, empty database for one test file. */
export async function createTestDatabase(adminUrl: string, prefix = "lk_test"): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  return withDatabase(adminUrl, name);
}

/** An empty database with nothing applied, e.g. to test the migrations themselves. */
export async function createEmptyDatabase(adminUrl: string, prefix = "lk_empty"): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  return withDatabase(adminUrl, name);
}
