// pnpm jobs:reading-reminders: while the reading window is open, reminds customers (by e-mail,
// through the outbox) to send their readings. Run daily; a second run in a window sends nothing.
// Uses DATABASE_URL or the embedded database, and CLOCK_FIXED_AT if set.
import { createDatabaseClient, openDatabase } from "@lk/db";
import { sendReadingReminders } from "../features/outbox/reading-reminders.ts";
import { fixedClock, systemClock } from "../lib/clock.ts";

const handle = await openDatabase();
const db = createDatabaseClient(handle.url);
const clock = process.env.CLOCK_FIXED_AT ? fixedClock(process.env.CLOCK_FIXED_AT) : systemClock;
try {
  const sent = await sendReadingReminders({ db, clock });
  console.log(`reading reminders written to the outbox: ${sent}`);
} finally {
  await db.$disconnect();
  await handle.stop();
}
