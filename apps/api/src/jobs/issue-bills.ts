// pnpm jobs:issue-bills [--period YYYY-MM]: issues the month's bills and charges autopayments.
// Uses DATABASE_URL or the embedded database, CLOCK_FIXED_AT if set, and the gateway PAYMENT_ACQUIRER
// names (required, as for the server, with NODE_ENV=production or DATABASE_URL: it charges saved cards).
// One run at a time: a second one (another machine's cron) says so and exits 0.
import { parseArgs } from "node:util";
import { createDatabaseClient, openDatabase } from "@lk/db";
import { gatewayFor } from "../acquirer/gateway-for.ts";
import { ConfigError, loadPaymentAcquirer, type PaymentAcquirer } from "../config.ts";
import { issueBills } from "../features/payments/billing-job.ts";
import { fixedClock, systemClock } from "../lib/clock.ts";
import { withJobLock } from "../lib/job-lock.ts";

const { values } = parseArgs({ allowPositionals: true, options: { period: { type: "string" } } });
if (values.period && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.period)) {
  console.error("--period must be YYYY-MM");
  process.exit(2);
}
let acquirer: PaymentAcquirer;
try {
  acquirer = loadPaymentAcquirer();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const handle = await openDatabase();
const db = createDatabaseClient(handle.url);
const clock = process.env.CLOCK_FIXED_AT ? fixedClock(process.env.CLOCK_FIXED_AT) : systemClock;
try {
  const gateway = gatewayFor(acquirer, { db, now: () => clock.now() });
  const run = await withJobLock(db, "issue-bills", () =>
    issueBills({ db, clock, gateway }, values.period ? { period: values.period } : {}),
  );
  if (!run.ran) {
    console.log("another bill run is in progress: nothing to do");
  } else {
    const report = run.result;
    console.log(
      `bills for ${report.period}: ${report.issued} issued; autopayment: ${report.charged} charged, ${report.notCharged} not charged (above the maximum or nothing due)` +
        (report.resumed ? `; ${report.resumed} charge(s) left by an interrupted run finished` : ""),
    );
  }
} finally {
  await db.$disconnect();
  await handle.stop();
}
