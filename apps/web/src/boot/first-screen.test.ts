import { DEMO_CUSTOMER, DEMO_OPERATOR } from "@lk/demo-data";
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAppQueryClient } from "../app/App.tsx";
import { accountKeys } from "../features/accounts/api/keys.ts";
import { sessionKeys } from "../features/auth/api/session.ts";
import { setAccessToken } from "../lib/api-client.ts";
import { handlers } from "../testing/mocks/handlers/index.ts";
import { mockDb } from "../testing/mocks/mock-db.ts";
import { mockWorld } from "../testing/mocks/mock-world.ts";
import { seedMockDb } from "../testing/mocks/seed.ts";
import { loadFirstScreen } from "./first-screen.ts";

const server = setupServer(...handlers);
let asked: string[] = [];
server.events.on("request:start", ({ request }) => {
  asked.push(`${request.method} ${new URL(request.url).pathname}`);
});
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  mockDb.reset();
  seedMockDb();
});
afterEach(() => {
  server.resetHandlers();
  setAccessToken(null);
  window.lkEarly = undefined;
});
afterAll(() => server.close());

/** Signed in (the refresh "cookie" and the session hint set), then the page reloaded: no token. */
async function signedIn(login: { email: string; password: string }) {
  await fetch(new URL("/api/auth/sign-in", window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: login.email, password: login.password }),
  });
  setAccessToken(null);
  asked = [];
}

describe("the first screen's data before the first paint", () => {
  it("on an account's page: the session, the accounts on the left and that account, each asked once", async () => {
    await signedIn(DEMO_CUSTOMER);
    const account = mockWorld().bundles[0]?.account;
    const queryClient = createAppQueryClient();
    await loadFirstScreen(queryClient, `/accounts/${account?.id}`);
    expect(queryClient.getQueryData(sessionKeys.current)).toMatchObject({ email: DEMO_CUSTOMER.email });
    expect(queryClient.getQueryData<{ number: string }[]>(accountKeys.list())?.map((a) => a.number)).toContain(
      account?.number,
    );
    expect(queryClient.getQueryData(accountKeys.detail(account?.id ?? ""))).toMatchObject({ number: account?.number });
    expect(asked.sort()).toEqual(["GET /api/accounts", `GET /api/accounts/${account?.id}`, "POST /api/auth/refresh"]);
  });

  it("does not ask for a malformed account id, as the account page does not", async () => {
    await signedIn(DEMO_CUSTOMER);
    await loadFirstScreen(createAppQueryClient(), "/accounts/not-an-id");
    expect(asked.sort()).toEqual(["GET /api/accounts", "POST /api/auth/refresh"]);
  });

  it("elsewhere the accounts only; for an operator, who has none, the session only", async () => {
    await signedIn(DEMO_CUSTOMER);
    await loadFirstScreen(createAppQueryClient(), "/profile");
    expect(asked.sort()).toEqual(["GET /api/accounts", "POST /api/auth/refresh"]);

    await signedIn(DEMO_OPERATOR);
    const queryClient = createAppQueryClient();
    await loadFirstScreen(queryClient, "/operator");
    expect(queryClient.getQueryData(sessionKeys.current)).toMatchObject({ role: "OPERATOR" });
    expect(asked).toEqual(["POST /api/auth/refresh"]);
  });

  it("a session that has ended: nobody in the cache, nothing else asked", async () => {
    await signedIn(DEMO_CUSTOMER);
    mockDb.state.refreshTokens = {};
    const queryClient = createAppQueryClient();
    await loadFirstScreen(queryClient, "/");
    expect(queryClient.getQueryData(sessionKeys.current)).toBeNull();
    expect(asked).toEqual(["POST /api/auth/refresh"]);
  });

  it("does not hold the page back past its wait when the server is slow", async () => {
    await signedIn(DEMO_CUSTOMER);
    server.use(http.get("/api/accounts", () => new Promise<Response>(() => undefined)));
    const started = performance.now();
    await loadFirstScreen(createAppQueryClient(), "/", 50);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(asked).toContain("GET /api/accounts");
  });
});
