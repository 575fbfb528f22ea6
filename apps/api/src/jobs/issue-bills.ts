// pnpm jobs:issue-bills [--period YYYY-MM]: issues the month's bills and charges autopayments.
// Uses DATABASE_URL or the embedded database, CLOCK_FIXED_AT if set, and the simulated gateway.
import { parseArgs } from "node:util";
import { createDatabaseClient, openDatabase } from "@lk/db";
import { issueBills } from "../features/payments/billing-job.ts";
import { SimulatedGateway } from "../features/payments/gateway.ts";
import { fixedClock, systemClock } from "../lib/clock.ts";

const { values } = parseArgs({ allowPositionals: true, options: { period: { type: "string" } } });
if (values.period && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.period)) {
  console.error("--period must be YYYY-MM");
  process.exit(2);
}
const handle = await openDatabase();
const db = createDatabaseClient(handle.url);
const clock = process.env.CLOCK_FIXED_AT ? fixedClock(process.env.CLOCK_FIXED_AT) : systemClock;
try {
  const report = await issueBills(
    { db, clock, gateway: new SimulatedGateway() },
    values.period ? { period: values.period } : {},
  );
  console.log(
    `bills for ${report.period}: ${report.issued} issued; autopayment: ${report.charged} charged, ${report.notCharged} not charged (above the maximum or nothing due)`,
  );
} finally {
  await db.$disconnect();
  await handle.stop();
}
