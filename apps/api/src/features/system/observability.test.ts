import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

// Issue 17: what an operator reads. Prometheus metrics, request ids, one log line per request.
const lines: Record<string, unknown>[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { LOG_LEVEL: "info", RATE_LIMIT_AUTH_PER_MINUTE: "2" },
    logStream: { write: (line) => lines.push(JSON.parse(line)) },
  });
});
afterAll(() => t.close());

const scrape = async (app = t.app, headers: Record<string, string> = {}) =>
  app.inject({ method: "GET", url: "/metrics", headers });

describe("/metrics", () => {
  it("reports requests by route and status, the pool, the outbox, jobs and rate-limit rejections", async () => {
    await t.app.inject({ method: "GET", url: "/api/suppliers" });
    for (let i = 0; i < 3; i++) {
      await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { login: `x${i}@example.ru`, password: "x" },
      });
    }
    await t.db.outboxMessage.create({
      data: { channel: "EMAIL", kind: "BILL", to: "a@example.ru", subject: "s", text: "t" },
    });
    t.app.appMetrics.jobRun("outbox-dispatch", "failed");
    const res = await scrape();
    expect(res.statusCode).toBe(200);
    const text = res.body;
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/suppliers",status_code="401"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/api\/auth\/sign-in",status_code="429"\} 1/,
    );
    expect(text).toMatch(/lk_rate_limit_rejections_total\{route="\/api\/auth\/sign-in"\} 1/);
    expect(text).toMatch(/lk_db_pool_connections\{state="max"\} 5/);
    expect(text).toMatch(/lk_outbox_pending_messages 1/);
    expect(text).toMatch(/lk_outbox_oldest_pending_seconds \d/);
    expect(text).toMatch(/lk_job_runs_total\{job="outbox-dispatch",outcome="failed"\} 1/);
    expect(text).toMatch(/process_cpu_seconds_total/);
  });

  it("in a deployment answers only to its token (404 without one configured)", async () => {
    const closed = await createTestApp({ env: { DATABASE_URL: "postgresql://x@db.example/lk" } });
    const guarded = await createTestApp({
      env: { DATABASE_URL: "postgresql://x@db.example/lk", METRICS_TOKEN: "scrape-token-0123456789" },
    });
    try {
      expect((await scrape(closed.app)).statusCode).toBe(404);
      expect((await scrape(guarded.app)).statusCode).toBe(404);
      expect((await scrape(guarded.app, { authorization: "Bearer wrong-token-0123456789" })).statusCode).toBe(404);
      expect((await scrape(guarded.app, { authorization: "Bearer scrape-token-0123456789" })).statusCode).toBe(200);
    } finally {
      await closed.close();
      await guarded.close();
    }
  });
});

describe("request ids and logs", () => {
  it("every answer carries its id, the balancer's when it sends a sane one, and the log line has it", async () => {
    const own = await t.app.inject({ method: "GET", url: "/api/health/live" });
    expect(own.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.app.inject({
      method: "GET",
      url: "/api/health/live",
      headers: { "x-request-id": "lb-7f3a.42" },
    });
    expect(given.headers["x-request-id"]).toBe("lb-7f3a.42");
    const hostile = await t.app.inject({
      method: "GET",
      url: "/api/health/live",
      headers: { "x-request-id": "a\nfake log line" },
    });
    expect(hostile.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const mine = lines.filter((l) => l.reqId === "lb-7f3a.42");
    expect(mine).toEqual([expect.objectContaining({ msg: "request", route: "/api/health/live", status: 200 })]);
  });
});
