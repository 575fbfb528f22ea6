// pnpm db:seed: applies migrations, then creates the demo data (idempotent).

import { DEMO_CUSTOMER } from "@lk/demo-data";
import { createDatabaseClient } from "../client.ts";
import { openDatabase } from "../local.ts";
import { migrateDeploy } from "../migrate.ts";
import { seedDemo } from "../seed.ts";

const handle = await openDatabase();
const db = createDatabaseClient(handle.url);
try {
  await migrateDeploy(handle.url);
  const report = await seedDemo(db);
  console.log(report.demoCreated ? "demo customer created" : "demo customer already present");
  console.log(`demo login: ${DEMO_CUSTOMER.email} / ${DEMO_CUSTOMER.password}`);
} finally {
  await db.$disconnect();
  await handle.stop();
}
