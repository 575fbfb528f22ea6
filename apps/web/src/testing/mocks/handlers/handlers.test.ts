import { AuthSession, allRoutes, ErrorBody, routes, User } from "@lk/contract";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mockDb } from "../mock-db.ts";
import { seedMockDb } from "../seed.ts";
import { handlers } from "./index.ts";

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  mockDb.reset();
  seedMockDb();
});
afterAll(() => server.close());

const post = (path: string, body?: unknown, token?: string) =>
  fetch(new URL(path, window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("mock API", () => {
  it("answers every route of the contract", () => {
    const mocked = new Set(handlers.map((h) => `${h.info.method} ${h.info.path}`));
    for (const route of allRoutes) expect(mocked).toContain(`${route.method} ${route.path}`);
  });

  it("registers, signs in, refreshes and signs out with answers the contract allows", async () => {
    const body = { email: "New@Example.ru", fullName: "Иванов Иван", password: "abcd1234" };
    const registered = await post(routes.auth.register.path, body);
    expect(registered.status).toBe(201);
    const session = AuthSession.parse(await registered.json());
    expect(session.user.email).toBe("new@example.ru");

    const me = await fetch(new URL(routes.auth.me.path, window.location.origin), {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(User.parse(await me.json()).id).toBe(session.user.id);

    const signedIn = await post(routes.auth.signIn.path, { login: "new@example.ru", password: "abcd1234" });
    expect(signedIn.status).toBe(200);
    expect((await post(routes.auth.refresh.path)).status).toBe(200);
    expect((await post(routes.auth.signOut.path)).status).toBe(204);
    const after = await post(routes.auth.refresh.path);
    expect(after.status).toBe(401);
    expect(ErrorBody.parse(await after.json()).error.code).toBe("SESSION_EXPIRED");
  });

  it("validates input like the API: field errors in the contract's shape", async () => {
    const res = await post(routes.auth.register.path, { email: "x", fullName: "", password: "1", extra: 1 });
    expect(res.status).toBe(400);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.details?.fields?.map((f) => f.path)).toEqual(
      expect.arrayContaining(["email", "fullName", "password", "extra"]),
    );
  });

  it("refuses the demo customer's e-mail and a wrong password as the API does", async () => {
    const taken = await post(routes.auth.register.path, {
      email: "demo@lk.test",
      fullName: "Иван Петров",
      password: "abcd1234",
    });
    expect(ErrorBody.parse(await taken.json()).error.code).toBe("EMAIL_TAKEN");
    const wrong = await post(routes.auth.signIn.path, { login: "demo@lk.test", password: "nope" });
    expect(wrong.status).toBe(401);
    expect(ErrorBody.parse(await wrong.json()).error.message).toBe("Неверный логин или пароль.");
  });

  it("needs a token for routes that need one", async () => {
    const res = await fetch(new URL(routes.auth.me.path, window.location.origin));
    expect(res.status).toBe(401);
  });
});
