import { routes, SESSION_HINT_COOKIE, UserRole } from "@lk/contract";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { apiCall, refreshSession, setAccessToken } from "../lib/api-client.ts";
import { sessionUser } from "../testing/session-user.ts";
import { EARLY_PATHS, type EarlyStart, startEarlySession } from "./early-session.ts";

const ACCOUNT_ID = "04348435-a93e-4fad-9144-733685f162c4";
const user = sessionUser;
const session = { accessToken: "early-token", expiresIn: 900, user };

const setHint = (on: boolean) => {
  // biome-ignore lint/suspicious/noDocumentCookie: the server's readable hint, as the page sees it
  document.cookie = on ? `${SESSION_HINT_COOKIE}=1; path=/` : `${SESSION_HINT_COOKIE}=; path=/; max-age=0`;
};

afterEach(() => {
  setHint(false);
  window.history.replaceState(null, "", "/");
  window.lkEarly = undefined;
  vi.unstubAllGlobals();
});

describe("early session script", () => {
  it("writes the contract's paths and cookie (it may import nothing to stay tiny)", () => {
    expect(EARLY_PATHS).toEqual({
      sessionHintCookie: SESSION_HINT_COOKIE,
      refresh: routes.auth.refresh.path,
      accounts: routes.accounts.list.path,
      account: routes.accounts.get.path,
      operatorRole: UserRole.enum.OPERATOR,
    });
    expect(routes.auth.refresh.method).toBe("POST");
    expect(routes.accounts.list.method).toBe("GET");
    expect(routes.accounts.get.method).toBe("GET");
  });

  it("asks nothing of a visitor without the session hint", () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    expect(startEarlySession()).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("on an account's page refreshes the session, then reads the accounts and the account with its token", async () => {
    setHint(true);
    window.history.replaceState(null, "", `/accounts/${ACCOUNT_ID}`);
    const fetch = vi.fn(async (url: string) =>
      url === EARLY_PATHS.refresh ? Response.json(session) : Response.json({ id: ACCOUNT_ID }),
    );
    vi.stubGlobal("fetch", fetch);
    const early = startEarlySession() as EarlyStart;
    expect(fetch).toHaveBeenCalledWith("/api/auth/refresh", expect.objectContaining({ method: "POST" }));
    expect([...early.reads.keys()]).toEqual(["/api/accounts", `/api/accounts/${ACCOUNT_ID}`]);
    const [list, account] = await Promise.all(early.reads.values());
    expect([list?.token, account?.token]).toEqual(["early-token", "early-token"]);
    for (const url of ["/api/accounts", `/api/accounts/${ACCOUNT_ID}`]) {
      expect(fetch).toHaveBeenCalledWith(url, {
        headers: { accept: "application/json", authorization: "Bearer early-token" },
        credentials: "same-origin",
      });
    }
    expect(fetch).toHaveBeenCalledTimes(3);
    // The refresh answer can still be read by the client.
    await expect((await early.refresh)?.json()).resolves.toMatchObject({ accessToken: "early-token" });
  });

  it("elsewhere reads only the accounts; a refused refresh reads nothing", async () => {
    setHint(true);
    window.history.replaceState(null, "", "/profile");
    const fetch = vi.fn(async () => Response.json({ error: { code: "UNAUTHORIZED" } }, { status: 401 }));
    vi.stubGlobal("fetch", fetch);
    expect([...(startEarlySession()?.reads.keys() ?? [])]).toEqual(["/api/accounts"]);
    window.history.replaceState(null, "", `/accounts/${ACCOUNT_ID}`);
    const early = startEarlySession() as EarlyStart;
    await expect(Promise.all(early.reads.values())).resolves.toEqual([null, null]);
    expect(fetch).toHaveBeenCalledTimes(2); // two refreshes, no read
  });

  it("does not read the accounts of an operator, who has none", async () => {
    setHint(true);
    window.history.replaceState(null, "", "/operator");
    const operator = { ...session, user: { ...user, role: "OPERATOR" } };
    const fetch = vi.fn(async () => Response.json(operator));
    vi.stubGlobal("fetch", fetch);
    const early = startEarlySession() as EarlyStart;
    await expect(early.reads.get("/api/accounts")).resolves.toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("api client with the early script's answers", () => {
  const server = setupServer();
  let refreshes = 0;
  let reads: (string | null)[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  beforeEach(() => {
    refreshes = 0;
    reads = [];
    server.use(
      http.post(routes.auth.refresh.path, () => {
        refreshes += 1;
        return HttpResponse.json({ ...session, accessToken: "client-token" });
      }),
      http.get(routes.auth.me.path, ({ request }) => {
        reads.push(request.headers.get("authorization"));
        return HttpResponse.json(user);
      }),
    );
  });
  afterEach(() => {
    server.resetHandlers();
    setAccessToken(null);
  });
  afterAll(() => server.close());

  const earlyStart = (readToken: string): EarlyStart => ({
    refresh: Promise.resolve(Response.json(session)),
    reads: new Map([
      [
        routes.auth.me.path,
        Promise.resolve({ token: readToken, response: Response.json({ ...user, fullName: "Ранняя" }) }),
      ],
    ]),
    startedAt: performance.now(),
  });

  it("takes the early refresh instead of sending one, and the early read once", async () => {
    window.lkEarly = earlyStart("early-token");
    await expect(refreshSession()).resolves.toMatchObject({ accessToken: "early-token" });
    expect(refreshes).toBe(0);
    await expect(apiCall(routes.auth.me)).resolves.toMatchObject({ fullName: "Ранняя" });
    expect(reads).toEqual([]);
    // Taken once: the next read goes to the server.
    await expect(apiCall(routes.auth.me)).resolves.toMatchObject({ fullName: "Анна" });
    expect(reads).toEqual(["Bearer early-token"]);
  });

  it("drops an early read made with another session's token", async () => {
    window.lkEarly = earlyStart("someone-elses-token");
    await refreshSession();
    await expect(apiCall(routes.auth.me)).resolves.toMatchObject({ fullName: "Анна" });
    expect(reads).toEqual(["Bearer early-token"]);
  });

  it("when the app runs first it refreshes itself and tells a late early script to stay out", async () => {
    await expect(refreshSession()).resolves.toMatchObject({ accessToken: "client-token" });
    expect(refreshes).toBe(1);
    setHint(true);
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    vi.resetModules();
    await import("./early-session.ts"); // runs the script as the page would, late
    expect(fetch).not.toHaveBeenCalled();
  });
});
