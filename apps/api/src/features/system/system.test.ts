import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_AUTH_PER_MINUTE: "3" } });
  t.app.get("/api/test-crash", async () => {
    throw new Error("secret internals at /srv/app.ts:12");
  });
});
afterAll(() => t.close());

describe("system", () => {
  it("health reports the database", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("sends the security headers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
    // No HTTPS here, so no HSTS.
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  it("publishes OpenAPI built from the contract", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/auth/register",
        "/api/auth/sign-in",
        "/api/auth/refresh",
        "/api/auth/me",
        "/api/health",
      ]),
    );
    expect(doc.paths["/api/auth/register"].post.requestBody).toBeDefined();
  });

  it("a crash answers 500 in the error shape without internals", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/test-crash" });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: "INTERNAL_ERROR", message: "Что-то пошло не так. Повторите попытку позже." },
    });
    expect(res.body).not.toContain("secret");
  });

  it("limits registration attempts per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/register",
        payload: {},
        remoteAddress: "10.9.9.9",
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
    const last = await t.app.inject({
      method: "POST",
      url: "/api/auth/register",
      payload: {},
      remoteAddress: "10.9.9.9",
    });
    expect(last.json().error.code).toBe("TOO_MANY_REQUESTS");
    expect(last.headers["retry-after"]).toBeDefined();
  });
});
