import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createDatabaseClient, hashPassword, seedDemo } from "@lk/db";
import { createTestDatabase, TEST_WORLD_NOW } from "@lk/db/testing";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ConfigError, loadConfig, loadPaymentAcquirer, SIMULATED_ACQUIRER_WARNING } from "../config.ts";
import { createTestApp, type TestApp } from "../test/test-app.ts";

// Issue 16, findings 2 and 3: a setting someone forgets must never open the system.
const SECRET = "deployment-secret-deployment-secret-0123";
const EXTERNAL = "postgresql://lk:pw@db.example:5432/lk";
/** What a deployment must name besides JWT_SECRET (the only gateway this build has). */
const DEPLOYED = { JWT_SECRET: SECRET, PAYMENT_ACQUIRER: "simulated" };

describe("2. which X-Forwarded-For is believed", () => {
  it.each(["true", "1", "2"])("TRUST_PROXY=%s is refused at start, saying what to set instead", (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/addresses of your proxies/);
  });

  it("takes the proxies' addresses and networks, and nothing else", () => {
    expect(loadConfig({ TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,loopback" }).trustProxy).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "loopback",
    ]);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: "proxy.example" })).toThrow(ConfigError);
  });

  describe("behind a trusted proxy, a client that forges the header", () => {
    let t: TestApp;
    afterAll(() => t?.close());
    const PROXY = "10.0.0.1";

    it("is limited by its real address, which the proxy appends", async () => {
      t = await createTestApp({ env: { TRUST_PROXY: PROXY, RATE_LIMIT_AUTH_PER_MINUTE: "20" } });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await t.app.inject({
          method: "POST",
          url: "/api/auth/sign-in",
          // A different forged address each time, then what the proxy saw.
          headers: { "x-forwarded-for": `198.18.${i}.${i}, 203.0.113.7` },
          remoteAddress: PROXY,
          payload: { login: `nobody${i}@example.ru`, password: "Guess-1234" },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      const seen = await t.db.signInAttempt.findMany({ select: { ip: true }, distinct: ["ip"] });
      expect(seen).toEqual([{ ip: "203.0.113.7" }]);
    });

    it("is not believed at all when it connects directly", async () => {
      await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        headers: { "x-forwarded-for": "198.18.0.1" },
        remoteAddress: "198.51.100.9",
        payload: { login: "direct@example.ru", password: "Guess-1234" },
      });
      const row = await t.db.signInAttempt.findFirstOrThrow({ where: { login: "direct@example.ru" } });
      expect(row.ip).toBe("198.51.100.9");
    });
  });
});

describe("3. development conveniences only with the embedded development database", () => {
  it("the embedded database in development: the outbox page and the demo data", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ devOutbox: true, seedDemo: true, deployment: false });
  });

  it.each([
    ["production", { NODE_ENV: "production", DATABASE_URL: EXTERNAL, ...DEPLOYED }],
    ["an external database with NODE_ENV forgotten", { DATABASE_URL: EXTERNAL, ...DEPLOYED }],
    ["production on the embedded database", { NODE_ENV: "production", ...DEPLOYED }],
  ])("%s: no outbox page, no demo data", (_, env) => {
    expect(loadConfig(env)).toMatchObject({ devOutbox: false, seedDemo: false, deployment: true });
  });

  it.each(["0.0.0.0", "192.168.1.20", "::"])(
    "the embedded database listening beyond this machine (HOST=%s): no outbox page, no demo data unless named",
    (HOST) => {
      expect(loadConfig({ HOST })).toMatchObject({ devOutbox: false, seedDemo: false, exposed: true });
      expect(loadConfig({ HOST, SEED_DEMO: "true", DEV_OUTBOX: "true" })).toMatchObject({
        devOutbox: true,
        seedDemo: true,
        seedDemoExplicit: true,
      });
    },
  );

  it.each(["127.0.0.1", "127.0.0.2", "localhost", "::1"])("HOST=%s keeps them: this machine only", (HOST) => {
    expect(loadConfig({ HOST })).toMatchObject({ devOutbox: true, seedDemo: true, exposed: false });
  });

  it("an app listening beyond this machine on the embedded database has no outbox route", async () => {
    const t = await createTestApp({ env: { HOST: "0.0.0.0" } });
    try {
      expect((await t.app.inject({ method: "GET", url: "/api/dev/outbox" })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });

  it("in production the refresh cookie is Secure without TLS here (it ends at a proxy) unless said otherwise", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: EXTERNAL, ...DEPLOYED };
    expect(loadConfig(production).cookieSecure).toBe(true);
    expect(loadConfig({ ...production, COOKIE_SECURE: "false" }).cookieSecure).toBe(false);
    expect(loadConfig({}).cookieSecure).toBe(false);
  });

  it("an external database needs JWT_SECRET (every instance must sign alike)", () => {
    expect(() => loadConfig({ DATABASE_URL: EXTERNAL })).toThrow(/JWT_SECRET is required/);
  });

  it.each([
    ["SEED_DEMO", "true", /SEED_DEMO/],
    ["DEV_OUTBOX", "true", /DEV_OUTBOX/],
    ["CLOCK_FIXED_AT", "2026-11-20T12:00:00+03:00", /CLOCK_FIXED_AT/],
  ])("production refuses %s=%s", (name, value, message) => {
    expect(() => loadConfig({ NODE_ENV: "production", ...DEPLOYED, [name]: value })).toThrow(message);
  });

  it("switched on by name they work on an external database outside production", () => {
    const config = loadConfig({ DATABASE_URL: EXTERNAL, ...DEPLOYED, DEV_OUTBOX: "true", SEED_DEMO: "true" });
    expect(config).toMatchObject({ devOutbox: true, seedDemo: true, seedDemoExplicit: true });
  });

  it("an app configured for a deployment has no outbox route", async () => {
    const t = await createTestApp({ env: { DATABASE_URL: EXTERNAL } });
    try {
      expect((await t.app.inject({ method: "GET", url: "/api/dev/outbox" })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe("3. the payment gateway is named in a deployment, never assumed", () => {
  it("the embedded database in development: the simulated acquirer, whose test card pays", () => {
    expect(loadConfig({}).acquirer).toBe("simulated");
    expect(loadConfig({ NODE_ENV: "test" }).acquirer).toBe("simulated");
  });

  it.each([
    ["production", { NODE_ENV: "production", DATABASE_URL: EXTERNAL, JWT_SECRET: SECRET }],
    ["an external database with NODE_ENV forgotten", { DATABASE_URL: EXTERNAL, JWT_SECRET: SECRET }],
    ["production on the embedded database", { NODE_ENV: "production", JWT_SECRET: SECRET }],
  ])("%s without PAYMENT_ACQUIRER refuses to start, saying why", (_, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(
      /PAYMENT_ACQUIRER is required in production and with an external DATABASE_URL/,
    );
    expect(() => loadConfig(env)).toThrow(/test card/);
  });

  it("production with the simulated acquirer named by name starts on it (a staging stand)", () => {
    const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: EXTERNAL, ...DEPLOYED });
    expect(config).toMatchObject({ acquirer: "simulated", deployment: true });
  });

  it.each(["yookassa", "SIMULATED", "none", ""])(
    "PAYMENT_ACQUIRER=%s is refused, naming the ones there are",
    (value) => {
      expect(() => loadConfig({ PAYMENT_ACQUIRER: value })).toThrow(/PAYMENT_ACQUIRER must be one of: simulated/);
      expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: SECRET, PAYMENT_ACQUIRER: value })).toThrow(
        ConfigError,
      );
    },
  );

  it("the bill job, which charges saved cards, follows the same rules without the server's settings", () => {
    expect(loadPaymentAcquirer({})).toBe("simulated");
    expect(() => loadPaymentAcquirer({ DATABASE_URL: EXTERNAL })).toThrow(/PAYMENT_ACQUIRER is required/);
    expect(() => loadPaymentAcquirer({ NODE_ENV: "production" })).toThrow(/PAYMENT_ACQUIRER is required/);
    expect(loadPaymentAcquirer({ NODE_ENV: "production", PAYMENT_ACQUIRER: "simulated" })).toBe("simulated");
    expect(() => loadPaymentAcquirer({ PAYMENT_ACQUIRER: "yookassa" })).toThrow(/must be one of: simulated/);
  });
});

describe("3. the README's deployment example, started for real", () => {
  const server = path.resolve(import.meta.dirname, "../server.ts");
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const child of running) child.kill("SIGTERM");
  });

  /** Starts `src/server.ts` as `pnpm start` would; resolves when it listens or exits. */
  function start(env: Record<string, string>) {
    const child = spawn(process.execPath, ["--import", "tsx", server], {
      // apps/api, where `pnpm --filter @lk/api start` runs it (tsx is its dependency).
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { PATH: process.env.PATH, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.push(child);
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    return new Promise<{ code: number | null; output: string; url?: string }>((resolve) => {
      child.on("exit", (code) => resolve({ code, output }));
      child.stdout?.on("data", () => {
        const url = output.match(/запущен: (http:\/\/[\d.:]+)/)?.[1];
        if (url) resolve({ code: null, output, url });
      });
    });
  }

  it("refuses to start while a published demo password works, and starts safe once it does not", async () => {
    const url = await createTestDatabase(inject("databaseAdminUrl"), "lk_deploy");
    const db = createDatabaseClient(url, { poolSize: 2 });
    try {
      await seedDemo(db, { now: TEST_WORLD_NOW });
      for (const env of [{ NODE_ENV: "production" }, {}] as Record<string, string>[]) {
        const refused = await start({ DATABASE_URL: url, ...DEPLOYED, ...env });
        expect(refused.code).toBe(1);
        expect(refused.output).toContain("Отказ в запуске");
        expect(refused.output).toContain("operator@lk.test");
      }

      const changed = await hashPassword("Not-the-published-1");
      await db.user.updateMany({ data: { passwordHash: changed } });
      const started = await start({ DATABASE_URL: url, ...DEPLOYED });
      expect(started.url).toBeDefined();
      expect(started.output).not.toContain("Демо-вход");
      expect(started.output).not.toContain("/dev/outbox");
      expect((await fetch(`${started.url}/api/dev/outbox`)).status).toBe(404);
      expect((await fetch(`${started.url}/api/health`)).status).toBe(200);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
  it("production without PAYMENT_ACQUIRER refuses to start; with the simulator named it starts and says so loudly", async () => {
    // The test world only: no demo login, so nothing else stops it.
    const url = await createTestDatabase(inject("databaseAdminUrl"), "lk_acquirer");
    const production = { NODE_ENV: "production", DATABASE_URL: url, JWT_SECRET: SECRET };

    const refused = await start(production);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("PAYMENT_ACQUIRER is required in production");

    const started = await start({ ...production, PAYMENT_ACQUIRER: "simulated" });
    expect(started.url).toBeDefined();
    expect(started.output).toContain(SIMULATED_ACQUIRER_WARNING);
    expect(started.output).toContain("Оплата:                 СИМУЛЯТОР эквайера");
  }, 60_000);
});
