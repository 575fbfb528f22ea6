import { createDatabaseClient } from "@lk/db";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { startRedisServer } from "../test/redis-server.ts";
import { as, confirmedCustomer, createTestApp, TEST_ENV, type TestApp } from "../test/test-app.ts";

// Issue 17: a limit holds however many API instances share the database. Measured before: two and
// three instances let 29 of 70 sign-ins (limit 20) and 59 of 70 answers (limit 30) through.
const LIMITS = { RATE_LIMIT_AUTH_PER_MINUTE: "20", RATE_LIMIT_ANSWERS_PER_MINUTE: "30" };
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: LIMITS });
});
afterAll(() => t.close());

/** Instances over the same database, as behind a balancer. */
async function cluster(size: number, env: Record<string, string> = {}) {
  const instances: { app: FastifyInstance; close(): Promise<void> }[] = [];
  for (let i = 0; i < size; i++) {
    const db = createDatabaseClient(t.url, { poolSize: 3 });
    const app = await buildApp({ config: loadConfig({ ...TEST_ENV, ...LIMITS, ...env }), db, clock: t.clock });
    const close = async () => {
      await app.close();
      await db.$disconnect();
    };
    instances.push({ app, close });
  }
  return instances;
}

/** Round-robin, as the balancer sends them. */
async function spread(
  instances: { app: FastifyInstance }[],
  count: number,
  send: (app: FastifyInstance, i: number) => Promise<{ statusCode: number }>,
) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++)
    statuses.push((await send((instances[i % instances.length] as { app: FastifyInstance }).app, i)).statusCode);
  return statuses;
}

const signIn = (app: FastifyInstance, i: number, remoteAddress: string) =>
  app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { login: `someone${i}@example.ru`, password: "Guess-1234" },
    remoteAddress,
  });

describe("rate limits across instances", () => {
  it("three instances let 20 sign-ins a minute from one address through, not 60", async () => {
    const instances = await cluster(3);
    try {
      const statuses = await spread(instances, 45, (app, i) => signIn(app, i, "10.30.0.1"));
      expect(statuses.filter((s) => s === 401)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    } finally {
      await Promise.all(instances.map((i) => i.close()));
    }
  });

  it("three instances let 30 control-question answers a minute through", async () => {
    const instances = await cluster(3);
    try {
      // Four customers behind one address, ten answers each: under each one's own budget over all
      // numbers (20 a day), so only the address's limit is at work.
      const customers = await Promise.all(
        [0, 1, 2, 3].map(() => confirmedCustomer({ app: instances[0]?.app as FastifyInstance, db: t.db })),
      );
      const statuses = await spread(instances, 40, (app, i) =>
        as(app, customers[i % 4] as (typeof customers)[number])("POST", "/api/accounts/link/confirm", {
          supplierId: "mosenergosbyt",
          accountNumber: `7798${String(i).padStart(6, "0")}`,
          question: "BILL_TOTAL",
          answer: "1,00",
        }),
      );
      expect(statuses.filter((s) => s === 422)).toHaveLength(30);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    } finally {
      await Promise.all(instances.map((i) => i.close()));
    }
  });

  it("counts in each process's memory only when told to (one instance): then the limit multiplies", async () => {
    const instances = await cluster(3, { RATE_LIMIT_STORE: "memory" });
    try {
      const statuses = await spread(instances, 45, (app, i) => signIn(app, i, "10.31.0.1"));
      expect(statuses.filter((s) => s === 401)).toHaveLength(45);
    } finally {
      await Promise.all(instances.map((i) => i.close()));
    }
  });
});

describe("rate limits in Redis (RATE_LIMIT_STORE=redis)", () => {
  it("will not start without REDIS_URL, nor with an address that is not Redis's", () => {
    expect(() => loadConfig({ RATE_LIMIT_STORE: "redis" })).toThrow(/RATE_LIMIT_STORE=redis needs REDIS_URL/);
    expect(() => loadConfig({ RATE_LIMIT_STORE: "redis", REDIS_URL: "http://cache:6379" })).toThrow(ConfigError);
    expect(loadConfig({ RATE_LIMIT_STORE: "redis", REDIS_URL: "redis://cache:6379/2" }).REDIS_URL).toBe(
      "redis://cache:6379/2",
    );
  });

  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis.stop());

  it("three instances on one Redis let 20 sign-ins a minute through, counted in Redis, not PostgreSQL", async () => {
    const instances = await cluster(3, { RATE_LIMIT_STORE: "redis", REDIS_URL: redis.url });
    const client = new Redis(redis.url);
    try {
      const statuses = await spread(instances, 45, (app, i) => signIn(app, i, "10.32.0.1"));
      expect(statuses.filter((s) => s === 401)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
      const keys = await client.keys("lk-rate-limit:*10.32.0.1*");
      expect(keys).toHaveLength(1);
      expect(Number(await client.get(keys[0] as string))).toBe(45);
      expect(await t.db.rateLimitCounter.count({ where: { key: { contains: "10.32.0.1" } } })).toBe(0);
    } finally {
      client.disconnect();
      await Promise.all(instances.map((i) => i.close()));
    }
  });

  it("while Redis is away a limited request answers 503 with Retry-After (never unlimited), then recovers", async () => {
    const [instance] = await cluster(1, { RATE_LIMIT_STORE: "redis", REDIS_URL: redis.url });
    const app = (instance as { app: FastifyInstance }).app;
    try {
      expect((await signIn(app, 1, "10.33.0.1")).statusCode).toBe(401);
      await redis.stop();
      const away = await signIn(app, 2, "10.33.0.1");
      expect(away.statusCode).toBe(503);
      expect(away.json().error.code).toBe("SERVICE_UNAVAILABLE");
      expect(away.headers["retry-after"]).toBeDefined();
      // Routes without a limit do not need Redis.
      expect((await app.inject({ method: "GET", url: "/api/health/ready" })).statusCode).toBe(200);
      await redis.start();
      let back = 0;
      for (let i = 0; i < 50 && back !== 401; i++) {
        back = (await signIn(app, 3, "10.33.0.1")).statusCode;
        if (back !== 401) await new Promise((r) => setTimeout(r, 100));
      }
      expect(back).toBe(401);
    } finally {
      await instance?.close();
    }
  });
});
