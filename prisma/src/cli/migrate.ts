// pnpm db:migrate                 apply pending migrations
// pnpm db:migration:new NAME      create a migration from the schema's changes and apply it
import { openDatabase } from "../local.ts";
import { createMigration, MigrationError, migrateDeploy } from "../migrate.ts";

const [command, ...rest] = process.argv.slice(2);
const name = rest.filter((a) => a !== "--name")[0];

const db = await openDatabase();
try {
  if (command === "dev") {
    if (!name) throw new MigrationError("Usage: pnpm db:migration:new NAME");
    const created = await createMigration(db.url, name);
    console.log(created ? `created ${created}` : "no schema changes: no migration created");
  } else {
    const applied = await migrateDeploy(db.url);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  }
} catch (error) {
  console.error(error instanceof MigrationError ? `migration failed: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await db.stop();
}
