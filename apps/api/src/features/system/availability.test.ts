import { ErrorBody } from "@lk/contract";
import { createDatabaseClient } from "@lk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { startTcpProxy } from "../../test/tcp-proxy.ts";
import { as, createTestApp, registerCustomer, TEST_ENV, type TestApp } from "../../test/test-app.ts";

// Issue 17: an instance tells the truth about itself. The database goes away (a proxy in front of
// it is cut) and comes back; the instance answers 503 meanwhile, never 500, and recovers alone.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const errorOf = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error;

describe("when the database is unreachable", () => {
  it("readiness and every request answer 503 with Retry-After; liveness stays 200; it recovers by itself", async () => {
    const target = new URL(t.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    target.port = String(proxy.port);
    const db = createDatabaseClient(target.toString(), { poolSize: 3 });
    const lifecycle = { draining: false };
    const app = await buildApp({ config: loadConfig({ ...TEST_ENV }), db, lifecycle });
    try {
      const customer = await registerCustomer(app);
      const call = as(app, customer);
      expect((await app.inject({ method: "GET", url: "/api/health/ready" })).statusCode).toBe(200);

      await proxy.cut();
      const ready = await app.inject({ method: "GET", url: "/api/health/ready" });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers["retry-after"]).toBe("5");
      expect(errorOf(ready).code).toBe("SERVICE_UNAVAILABLE");
      expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(503);
      expect((await app.inject({ method: "GET", url: "/api/health/live" })).statusCode).toBe(200);
      for (const res of [
        await call("GET", "/api/accounts"),
        await call("GET", "/api/profile"),
        await app.inject({
          method: "POST",
          url: "/api/auth/sign-in",
          payload: { login: customer.email, password: "Secret-123" },
        }),
      ]) {
        expect(res.statusCode).toBe(503);
        expect(res.headers["retry-after"]).toBe("5");
        expect(errorOf(res).code).toBe("SERVICE_UNAVAILABLE");
      }

      await proxy.restore();
      expect((await app.inject({ method: "GET", url: "/api/health/ready" })).statusCode).toBe(200);
      expect((await call("GET", "/api/accounts")).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.$disconnect();
      proxy.close();
    }
  });
});

describe("while the instance drains before stopping", () => {
  it("readiness answers 503 so the balancer sends no more; requests in hand are still served", async () => {
    const lifecycle = { draining: false };
    const app = await buildApp({ config: loadConfig({ ...TEST_ENV }), db: t.db, lifecycle });
    try {
      lifecycle.draining = true;
      const ready = await app.inject({ method: "GET", url: "/api/health/ready" });
      expect(ready.statusCode).toBe(503);
      expect(errorOf(ready).message).toBe("Экземпляр останавливается.");
      expect((await app.inject({ method: "GET", url: "/api/suppliers" })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe("under overload", () => {
  it("sheds requests with 503 while the event loop lags, but not liveness", async () => {
    const app = await buildApp({ config: loadConfig({ ...TEST_ENV, MAX_EVENT_LOOP_DELAY_MS: "20" }), db: t.db });
    try {
      await app.ready();
      // Hold the event loop in 150 ms bursts for a second, as CPU-bound work would, letting the
      // sampler (every 250 ms) run between them.
      for (const started = Date.now(); Date.now() - started < 1000; ) {
        const until = Date.now() + 150;
        while (Date.now() < until) {
          // busy
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      const shed = await app.inject({ method: "GET", url: "/api/suppliers" });
      expect(shed.statusCode).toBe(503);
      expect(shed.headers["retry-after"]).toBe("5");
      expect(errorOf(shed).code).toBe("SERVICE_UNAVAILABLE");
      expect((await app.inject({ method: "GET", url: "/api/health/live" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
