import { seedDemo } from "@lk/db";
import { TEST_WORLD_ACCOUNTS, TEST_WORLD_NOW } from "@lk/db/testing";
import {
  observe,
  PARITY_NOW,
  PARITY_PENDING,
  type PayOnAcquirerPage,
  type Send,
  scenariosByFeature,
  uncoveredRoutes,
} from "@lk/parity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../lib/clock.ts";
import { payOnAcquirerPage } from "./acquirer-page.ts";
import { createTestApp, type TestApp } from "./test-app.ts";

// The parity suite's API side (issue #19): every scenario of @lk/parity through `app.inject`
// against the real app and PostgreSQL. The mock runs the same list (apps/web/src/testing/mocks/
// parity.test.ts); a scenario that answers otherwise on either side fails there.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(PARITY_NOW) });
  // What the mock seeds too: the demo customer and, for the operator's desk, the demo operator.
  await seedDemo(t.db, { accounts: TEST_WORLD_ACCOUNTS, now: TEST_WORLD_NOW });
});
afterAll(() => t.close());

const send: Send = async ({ method, url, body, form, token, cookies }) => {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const cookie = cookies.header(url);
  if (cookie) headers.cookie = cookie;
  let payload: string | Buffer | object | undefined = body as object | undefined;
  if (form) {
    // Encoded as fetch sends a FormData: the parts and their boundary.
    const encoded = new Response(form);
    headers["content-type"] = encoded.headers.get("content-type") ?? "";
    payload = Buffer.from(await encoded.arrayBuffer());
  }
  const res = await t.app.inject({
    method: method as "GET",
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  cookies.store(res.cookies);
  const json = String(res.headers["content-type"] ?? "").includes("json");
  return { status: res.statusCode, body: json && res.body ? JSON.parse(res.body) : res.body || null };
};

// The customer on the simulated acquirer's page: its HTTP forms, as a browser posts them.
const payOnPage: PayOnAcquirerPage = async (confirmationUrl, cardNumber) => {
  const answer = await payOnAcquirerPage(t.app, confirmationUrl, cardNumber);
  if (answer.statusCode !== 303) throw new Error(`the acquirer's page answered ${answer.statusCode}`);
};

it("stands at the instant the test world was generated for", () => {
  expect(PARITY_NOW).toEqual(TEST_WORLD_NOW);
});

describe.each(scenariosByFeature)("parity with the mock: %s", (_, cases) => {
  it.each(cases)("%s", async (_, scenario) => {
    expect(await observe(scenario, send, payOnPage)).toEqual(scenario.expected);
  });
});

it("covers every route of the contract, but for those still listed as pending (a list that only shrinks)", () => {
  expect(uncoveredRoutes(PARITY_PENDING)).toEqual({ missing: [], stale: [] });
});
