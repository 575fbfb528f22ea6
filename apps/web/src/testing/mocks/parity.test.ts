import { CardInput } from "@lk/contract/payments";
import { SECURE_CODE } from "@lk/domain";
import { observe, PARITY_NOW, type PayOnAcquirerPage, type Send, scenariosByFeature } from "@lk/parity";
import { beforeEach, describe, expect, it } from "vitest";
import { setUpMockApiServer } from "./handlers/mock-api-server.ts";
import { acquirerPage } from "./mock-acquirer.ts";
import { mockClock } from "./mock-clock.ts";

// The parity suite's mock side (issue #19): every scenario of @lk/parity through the mock's
// handlers, as the web app calls them (fetch, answered by MSW). The API runs the same list
// (apps/api/src/test/parity.test.ts) against PostgreSQL: both must see what the scenario expects.
setUpMockApiServer();
beforeEach(() => {
  mockClock.now = () => PARITY_NOW;
});

// The scenario's cookie jar goes unused here: the mock has no Set-Cookie to answer. It keeps this
// browser's one refresh "cookie" in its own state (`currentRefreshToken`, set by every session it
// opens, cleared by signing out), and the state is new before each test: one browser per scenario,
// as the jar is on the API's side.
const send: Send = async ({ method, url, body, form, token }) => {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(new URL(url, window.location.origin), {
    method,
    headers,
    // A FormData as the web app sends it: fetch writes the multipart body and its boundary.
    body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  const json = (res.headers.get("content-type") ?? "").includes("json");
  return { status: res.status, body: json && text ? JSON.parse(text) : text || null };
};

// The customer on the mock's acquirer page: its steps (AcquirerPage.tsx takes the same ones).
const payOnPage: PayOnAcquirerPage = async (confirmationUrl, cardNumber) => {
  const ref = decodeURIComponent(confirmationUrl.replace("/acquirer/pay/", ""));
  acquirerPage.enterCard(ref, CardInput.parse({ number: cardNumber, expiry: "12/30", cvc: "123" }));
  if (!acquirerPage.confirmCode(ref, SECURE_CODE)) throw new Error(`no acquirer page ${ref}`);
};

describe.each(scenariosByFeature)("parity with the API: %s", (_, cases) => {
  it.each(cases)("%s", async (_, scenario) => {
    expect(await observe(scenario, send, payOnPage)).toEqual(scenario.expected);
  });
});
