import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDatabaseClient, poolStats } from "@lk/db";
import { createTestDatabase, TEST_WORLD_NOW } from "@lk/db/testing";
import { inject } from "vitest";
import { buildApp } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import type { PaymentGateway } from "../features/payments/gateway.ts";
import { type Clock, fixedClock } from "../lib/clock.ts";

export const TEST_ENV = {
  NODE_ENV: "test",
  JWT_SECRET: "test-secret-test-secret-test-secret-0123",
  // Named, as a deployment must (some tests configure one): the suites pay with its test cards.
  PAYMENT_ACQUIRER: "simulated",
  LOG_LEVEL: "silent",
  // Suites register many customers from one address; the limits have tests of their own.
  RATE_LIMIT_AUTH_PER_MINUTE: "100000",
  // Parallel suites on two cores lag each other's event loops past a second; shedding would then
  // answer a test 503. It has its own test (features/system/availability.test.ts).
  MAX_EVENT_LOOP_DELAY_MS: "0",
} as const;

/** The real app over a fresh database of its own; `inject` requests into it. */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    logStream?: { write(line: string): void };
    /** How config reads TLS_CERT/TLS_KEY files. */
    readFile?: (path: string) => string;
    gateway?: PaymentGateway;
  } = {},
) {
  const url = await createTestDatabase(inject("databaseAdminUrl"));
  const db = createDatabaseClient(url, { poolSize: 5 });
  // Request documents of this app go to a folder of its own, removed on close.
  const uploadDir = await fs.mkdtemp(path.join(os.tmpdir(), "lk-uploads-"));
  const config: Config = loadConfig(
    { ...TEST_ENV, UPLOAD_DIR: uploadDir, PUBLIC_URL: "https://lk.example.ru", ...options.env },
    options.readFile,
  );
  const clock = options.clock ?? fixedClock(TEST_WORLD_NOW);
  const app = await buildApp({ config, db, clock, logStream: options.logStream, gateway: options.gateway });
  return {
    app,
    db,
    /** The test database's connection string (to build another instance over it). */
    url,
    clock,
    config,
    uploadDir,
    async close() {
      await app.close();
      await db.$disconnect();
      await fs.rm(uploadDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The refresh cookie from a response, as a browser would send it back. */
export function refreshCookieFrom(response: { cookies: { name: string; value: string }[] }): string | undefined {
  return response.cookies.find((c) => c.name === "lk_refresh")?.value;
}

let userSeq = 0;

/** A registered customer with an access token, made through the API. */
export async function registerCustomer(app: TestApp["app"]) {
  userSeq += 1;
  const email = `user${userSeq}-${Math.random().toString(36).slice(2, 8)}@example.ru`;
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/register",
    payload: { email, fullName: "Тестов Тест", password: "Secret-123" },
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.body}`);
  const body = res.json();
  return { id: body.user.id as string, email, token: body.accessToken as string };
}

export type Customer = Awaited<ReturnType<typeof registerCustomer>>;

/**
 * A registered customer whose e-mail is confirmed (as if they had typed the code): linking an
 * account needs a confirmed e-mail or phone.
 */
export async function confirmedCustomer(t: Pick<TestApp, "app" | "db">) {
  const customer = await registerCustomer(t.app);
  await t.db.user.update({ where: { id: customer.id }, data: { emailConfirmedAt: new Date() } });
  return customer;
}

/** `inject` as a signed-in customer. */
export function as(app: TestApp["app"], customer: Customer) {
  return (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${customer.token}` },
      ...(payload ? { payload } : {}),
    });
}

/** How many statements the app's pool sent while `work` ran (lk_db_statements_total's count). */
export async function statementsDuring(t: Pick<TestApp, "db">, work: () => Promise<unknown>): Promise<number> {
  const before = poolStats(t.db)?.statements ?? 0;
  await work();
  return (poolStats(t.db)?.statements ?? 0) - before;
}

/** Ends a customer's session as signing out does (their access token stays unexpired). */
export async function endSession(t: Pick<TestApp, "app" | "db">, customer: Customer) {
  const sid = t.app.jwt.decode<{ sid: string }>(customer.token)?.sid;
  await t.db.refreshSession.updateMany({ where: { familyId: sid }, data: { revokedAt: new Date() } });
}

/** Links an account of the test world (by number) to a customer directly in the database. */
export async function linkByNumber(t: TestApp, customer: Customer, number: string, isPrimary = true) {
  const account = await t.db.personalAccount.findFirstOrThrow({ where: { number } });
  await t.db.accountLink.create({ data: { userId: customer.id, accountId: account.id, isPrimary } });
  return account;
}

/** The newest outbox message to an address. */
export async function lastMessageTo(t: TestApp, to: string) {
  return t.db.outboxMessage.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
}

/** A user with the operator role, signed in (the role travels in the access token). */
export async function registerOperator(app: TestApp["app"], db: TestApp["db"]) {
  const customer = await registerCustomer(app);
  await db.user.update({ where: { id: customer.id }, data: { role: "OPERATOR" } });
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { login: customer.email, password: "Secret-123" },
  });
  return { ...customer, token: res.json().accessToken as string };
}
