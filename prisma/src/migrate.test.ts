import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { diffMigrationsToSchema, migrateDeploy } from "./migrate.ts";
import { createEmptyDatabase } from "./testing.ts";

describe("migrations", () => {
  it("produce exactly the schema in schema.prisma (empty diff)", async () => {
    const url = await createEmptyDatabase(inject("databaseAdminUrl"));
    expect(await diffMigrationsToSchema(url)).toBe("");
  });

  it("apply to an empty database, record themselves, and apply nothing the second time", async () => {
    const url = await createEmptyDatabase(inject("databaseAdminUrl"));
    const first = await migrateDeploy(url);
    expect(first.length).toBeGreaterThan(0);
    expect(await migrateDeploy(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(first);
  });
});
