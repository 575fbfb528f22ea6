import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture, fuzzRoute, RUNS, routesOf } from "./bad-input.ts";

// Property-based bad input, part 2 of 2 (the parts run in parallel).
let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(() => f.t.close());

describe("malformed requests: never a 5xx, always the error shape, the database unchanged", () => {
  it.each(routesOf(1, 2))(`%s: ${RUNS} malformed inputs`, async (_, route) => {
    expect(await fuzzRoute(f, route)).toBeGreaterThanOrEqual(RUNS);
  });
});
