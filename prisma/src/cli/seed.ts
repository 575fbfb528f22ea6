// pnpm db:seed [--accounts N] [--seed S]: applies migrations, then creates the demo data
// (idempotent). `--accounts 100000` builds the large world for load tests.
import { parseArgs } from "node:util";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import { createDatabaseClient } from "../client.ts";
import { describeDemoLinking } from "../demo-hints.ts";
import { openDatabase } from "../local.ts";
import { migrateDeploy } from "../migrate.ts";
import { seedDemo } from "../seed.ts";

const { values } = parseArgs({
  options: { accounts: { type: "string", default: "40" }, seed: { type: "string" } },
});
const accounts = Number(values.accounts);
if (!Number.isInteger(accounts) || accounts < 7) {
  console.error("--accounts must be a whole number, at least 7 (the demo accounts)");
  process.exit(2);
}

const handle = await openDatabase();
const db = createDatabaseClient(handle.url);
try {
  await migrateDeploy(handle.url);
  const started = Date.now();
  const report = await seedDemo(db, {
    accounts,
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    onProgress: (done, total) => {
      if (total >= 1000) process.stdout.write(`\r  accounts: ${done} / ${total}`);
    },
  });
  if (accounts >= 1000) process.stdout.write("\n");
  console.log(
    report.worldCreated
      ? `billing world created: ${accounts} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s`
      : "billing world already present (drop the database to rebuild it)",
  );
  console.log(`demo login: ${DEMO_CUSTOMER.email} / ${DEMO_CUSTOMER.password}`);
  console.log(describeDemoLinking().join("\n"));
} finally {
  await db.$disconnect();
  await handle.stop();
}
