import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { mockClock } from "../mock-clock.ts";
import { mockDb } from "../mock-db.ts";
import { seedMockDb } from "../seed.ts";
import { handlers } from "./index.ts";

/**
 * The mock API in node for a test file: every handler, a fresh seeded state before each test, the
 * real clock back after each. Call once at the top of the file.
 */
export function setUpMockApiServer() {
  const server = setupServer(...handlers);
  const realNow = mockClock.now;
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  beforeEach(() => {
    mockDb.reset();
    seedMockDb();
  });
  afterEach(() => {
    mockClock.now = realNow;
  });
  afterAll(() => server.close());
  return server;
}
