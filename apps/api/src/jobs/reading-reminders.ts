// pnpm jobs:reading-reminders: while the reading window is open, reminds customers (by e-mail,
// through the outbox) to send their readings. Run daily; a second run in a window sends nothing.
// Uses DATABASE_URL or the embedded database, and CLOCK_FIXED_AT if set. One run at a time.
import { createDatabaseClient, openDatabase } from "@lk/db";
import { sendReadingReminders } from "../features/outbox/reading-reminders.ts";
import { fixedClock, systemClock } from "../lib/clock.ts";
import { withJobLock } from "../lib/job-lock.ts";

const handle = await openDatabase();
const db = createDatabaseClient(handle.url);
const clock = process.env.CLOCK_FIXED_AT ? fixedClock(process.env.CLOCK_FIXED_AT) : systemClock;
try {
  const run = await withJobLock(db, "reading-reminders", () => sendReadingReminders({ db, clock }));
  console.log(
    run.ran
      ? `reading reminders written to the outbox: ${run.result}`
      : "another reminder run is in progress: nothing to do",
  );
} finally {
  await db.$disconnect();
  await handle.stop();
}
