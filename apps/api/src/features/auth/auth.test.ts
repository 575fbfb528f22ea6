import { ErrorBody } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { createTestApp, refreshCookieFrom, type TestApp } from "../../test/test-app.ts";
import { REUSE_INTERVAL_MS } from "./service.ts";

const clock = fixedClock("2026-11-20T09:00:00Z");
let t: TestApp;
const logs: string[] = [];

beforeAll(async () => {
  t = await createTestApp({
    clock,
    env: { LOG_LEVEL: "info", RATE_LIMIT_AUTH_PER_MINUTE: "1000", SIGN_IN_FAILURES_PER_LOGIN: "3" },
    logStream: { write: (line) => void logs.push(line) },
  });
});
afterAll(() => t.close());

let seq = 0;
function newCustomer(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    email: `customer${seq}@example.ru`,
    phone: `+7 999 000-00-${String(seq).padStart(2, "0")}`,
    fullName: "Петров Пётр Петрович",
    password: "Secret-123",
    ...overrides,
  };
}

const register = (body: unknown) =>
  t.app.inject({ method: "POST", url: "/api/auth/register", payload: body as object });
const signIn = (login: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { login, password } });
const refresh = (cookie?: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/refresh", ...(cookie ? { cookies: { lk_refresh: cookie } } : {}) });
const me = (token?: string) =>
  t.app.inject({
    method: "GET",
    url: "/api/auth/me",
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });

describe("registration", () => {
  it("creates the user with an argon2id hash, opens a session and sets a strict httpOnly refresh cookie", async () => {
    const body = newCustomer({ email: "  Maria@Example.RU " });
    const res = await register(body);
    expect(res.statusCode).toBe(201);
    const session = res.json();
    expect(session.user).toMatchObject({
      email: "maria@example.ru",
      fullName: "Петров Пётр Петрович",
      role: "CUSTOMER",
    });
    expect(session.user.phone).toMatch(/^\+7999000\d{4}$/);
    expect(session.accessToken).toEqual(expect.any(String));

    const cookie = res.cookies.find((c) => c.name === "lk_refresh");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/auth" });
    // The page's hint that a session exists: readable, no secret, the refresh cookie's lifetime.
    const hint = res.cookies.find((c) => c.name === "lk_session");
    expect(hint).toMatchObject({ value: "1", sameSite: "Strict", path: "/", maxAge: cookie?.maxAge });
    expect(hint?.httpOnly).toBeFalsy();

    const row = await t.db.user.findUniqueOrThrow({ where: { email: "maria@example.ru" } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain("Secret-123");
    expect(await t.db.refreshSession.count({ where: { userId: row.id } })).toBe(1);
  });

  it("refuses an e-mail already registered, whatever its case, naming the field", async () => {
    const first = newCustomer();
    expect((await register(first)).statusCode).toBe(201);
    const res = await register(newCustomer({ email: first.email.toUpperCase() }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "EMAIL_TAKEN", details: { fields: [{ path: "email" }] } });
  });

  it("refuses a phone already registered in another spelling", async () => {
    const first = newCustomer({ phone: "8 (999) 555-44-33" });
    expect((await register(first)).statusCode).toBe(201);
    const res = await register(newCustomer({ phone: "+79995554433" }));
    expect(res.json().error.code).toBe("PHONE_TAKEN");
  });

  it("names every bad field, in Russian, and stores nothing", async () => {
    const before = await t.db.user.count();
    const res = await register({ email: "not-an-email", fullName: 42, password: "short", extra: true });
    expect(res.statusCode).toBe(400);
    const body = ErrorBody.parse(res.json());
    expect(body.error.code).toBe("VALIDATION_FAILED");
    const paths = body.error.details?.fields?.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "fullName", "password", "extra"]));
    expect(body.error.details?.fields?.find((f) => f.path === "password")?.message).toBe(
      "Пароль должен быть не короче 8 символов.",
    );
    expect(await t.db.user.count()).toBe(before);
  });
});

describe("bad input", () => {
  it("answers malformed JSON with 400 in the error shape", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { "content-type": "application/json" },
      payload: '{"login": "a@b.ru", "password": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
    expect(res.body).not.toMatch(/at \w+ \(|node_modules/);
  });

  it("answers a body over the limit with 413", async () => {
    const res = await register(newCustomer({ fullName: "Я".repeat(100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers an over-long field with 400 naming it", async () => {
    const res = await register(newCustomer({ fullName: "Я".repeat(151) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([{ path: "fullName", message: "ФИО слишком длинное." }]);
  });

  it("answers a non-JSON body with 415", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { "content-type": "text/plain" },
      payload: "login=a",
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers an unknown route with 404 in the error shape", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(ErrorBody.parse(res.json()).error.code).toBe("NOT_FOUND");
  });
});

describe("sign-in", () => {
  it("accepts the e-mail or the phone in any spelling", async () => {
    const c = newCustomer({ phone: "+79991112233" });
    await register(c);
    expect((await signIn(c.email.toUpperCase(), c.password)).statusCode).toBe(200);
    expect((await signIn("8 999 111-22-33", c.password)).statusCode).toBe(200);
  });

  it("says the same for an unknown login and a wrong password", async () => {
    const c = newCustomer();
    await register(c);
    const wrong = await signIn(c.email, "Wrong-password-1");
    const unknown = await signIn("nobody@example.ru", "Wrong-password-1");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toEqual({ code: "INVALID_CREDENTIALS", message: "Неверный логин или пароль." });
  });

  it("pauses a login after repeated failures, even with the right password, and records every attempt", async () => {
    const c = newCustomer();
    await register(c);
    for (let i = 0; i < 3; i++) expect((await signIn(c.email, "Wrong-password-1")).statusCode).toBe(401);
    const locked = await signIn(c.email, c.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(await t.db.signInAttempt.count({ where: { login: c.email } })).toBe(3);
    clock.advance(15 * 60 * 1000 + 1000);
    expect((await signIn(c.email, c.password)).statusCode).toBe(200);
  });
});

describe("sessions", () => {
  async function session() {
    const res = await register(newCustomer());
    return { token: res.json().accessToken as string, cookie: refreshCookieFrom(res) as string };
  }

  it("me needs a token: 401 in the error shape without one", async () => {
    const res = await me();
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("UNAUTHORIZED");
    expect((await me("garbage")).statusCode).toBe(401);
  });

  it("refresh rotates the cookie and gives a working access token", async () => {
    const s = await session();
    const res = await refresh(s.cookie);
    expect(res.statusCode).toBe(200);
    const next = refreshCookieFrom(res);
    expect(next).toBeDefined();
    expect(next).not.toBe(s.cookie);
    expect((await me(res.json().accessToken)).statusCode).toBe(200);
  });

  it("a rotated token used again later revokes the whole family", async () => {
    const s = await session();
    const first = await refresh(s.cookie);
    const current = refreshCookieFrom(first) as string;
    clock.advance(REUSE_INTERVAL_MS + 1000);
    const reuse = await refresh(s.cookie);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe("SESSION_EXPIRED");
    // The thief's replay also ended the legitimate holder's session.
    expect((await refresh(current)).statusCode).toBe(401);
    expect((await me(first.json().accessToken)).statusCode).toBe(401);
  });

  it("two tabs refreshing with the same token at once both stay signed in", async () => {
    const s = await session();
    const [a, b] = await Promise.all([refresh(s.cookie), refresh(s.cookie)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
  });

  it("sign-out revokes the session on the server: refresh and the access token stop working", async () => {
    const s = await session();
    const out = await t.app.inject({ method: "POST", url: "/api/auth/sign-out", cookies: { lk_refresh: s.cookie } });
    expect(out.statusCode).toBe(204);
    for (const name of ["lk_refresh", "lk_session"]) {
      expect(out.cookies.find((c) => c.name === name)).toMatchObject({ value: "", maxAge: 0 });
    }
    expect((await refresh(s.cookie)).statusCode).toBe(401);
    expect((await me(s.token)).statusCode).toBe(401);
  });

  it("refresh without a cookie says the session is over and clears the page's hint", async () => {
    const res = await refresh();
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("SESSION_EXPIRED");
    expect(res.cookies.find((c) => c.name === "lk_session")).toMatchObject({ value: "", path: "/" });
  });
});

describe("logs", () => {
  it("never contain passwords, access tokens or refresh tokens", async () => {
    const c = newCustomer({ password: "Very-secret-777" });
    const res = await register(c);
    const token = res.json().accessToken;
    const cookie = refreshCookieFrom(res) as string;
    await me(token);
    await refresh(cookie);
    await signIn(c.email, "Very-secret-777");
    const all = logs.join("\n");
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain("Very-secret-777");
    expect(all).not.toContain(token);
    expect(all).not.toContain(cookie);
  });
});
