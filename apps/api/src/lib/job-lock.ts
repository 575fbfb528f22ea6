import type { Database } from "@lk/db";

/** How long a job may hold its lock (the connection holding it stays open that long at most). */
const LONGEST_JOB_MS = 6 * 60 * 60 * 1000;

/**
 * Runs `work` only if no other process (another instance, a second cron run) is running the job
 * named `name`: a PostgreSQL advisory lock held by an open transaction on one connection for as
 * long as the work takes. A crash closes the connection and frees the lock. `work` uses the
 * ordinary client: the transaction only holds the lock.
 */
export async function withJobLock<T>(
  db: Database,
  name: string,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtext(${`job:${name}`})) AS locked`;
      if (!row?.locked) return { ran: false as const };
      return { ran: true as const, result: await work() };
    },
    { timeout: LONGEST_JOB_MS, maxWait: 10_000 },
  );
}
