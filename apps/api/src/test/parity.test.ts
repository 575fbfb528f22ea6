import { TEST_WORLD_NOW } from "@lk/db/testing";
import { observe, PARITY_NOW, PARITY_PENDING, type Send, scenariosByFeature, uncoveredRoutes } from "@lk/parity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../lib/clock.ts";
import { createTestApp, type TestApp } from "./test-app.ts";

// The parity suite's API side (issue #19): every scenario of @lk/parity through `app.inject`
// against the real app and PostgreSQL. The mock runs the same list (apps/web/src/testing/mocks/
// parity.test.ts); a scenario that answers otherwise on either side fails there.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(PARITY_NOW) });
});
afterAll(() => t.close());

const send: Send = async ({ method, url, body, token }) => {
  const res = await t.app.inject({
    method: method as "GET",
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
  const json = String(res.headers["content-type"] ?? "").includes("json");
  return { status: res.statusCode, body: json && res.body ? JSON.parse(res.body) : res.body || null };
};

it("stands at the instant the test world was generated for", () => {
  expect(PARITY_NOW).toEqual(TEST_WORLD_NOW);
});

describe.each(scenariosByFeature)("parity with the mock: %s", (_, cases) => {
  it.each(cases)("%s", async (_, scenario) => {
    expect(await observe(scenario, send)).toEqual(scenario.expected);
  });
});

it("covers every route of the contract, but for those still listed as pending (a list that only shrinks)", () => {
  expect(uncoveredRoutes(PARITY_PENDING)).toEqual({ missing: [], stale: [] });
});
