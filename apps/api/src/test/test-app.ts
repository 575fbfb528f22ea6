import { createDatabaseClient } from "@lk/db";
import { createTestDatabase } from "@lk/db/testing";
import { inject } from "vitest";
import { buildApp } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import { type Clock, fixedClock } from "../lib/clock.ts";

export const TEST_ENV = {
  NODE_ENV: "test",
  JWT_SECRET: "test-secret-test-secret-test-secret-0123",
  LOG_LEVEL: "silent",
} as const;

/** The real app over a fresh database of its own; `inject` requests into it. */
export async function createTestApp(
  options: { env?: Record<string, string>; clock?: Clock; logStream?: { write(line: string): void } } = {},
) {
  const url = await createTestDatabase(inject("databaseAdminUrl"));
  const db = createDatabaseClient(url, { poolSize: 5 });
  const config: Config = loadConfig({ ...TEST_ENV, ...options.env });
  const clock = options.clock ?? fixedClock("2026-11-20T09:00:00Z");
  const app = await buildApp({ config, db, clock, logStream: options.logStream });
  return {
    app,
    db,
    clock,
    config,
    async close() {
      await app.close();
      await db.$disconnect();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The refresh cookie from a response, as a browser would send it back. */
export function refreshCookieFrom(response: { cookies: { name: string; value: string }[] }): string | undefined {
  return response.cookies.find((c) => c.name === "lk_refresh")?.value;
}
