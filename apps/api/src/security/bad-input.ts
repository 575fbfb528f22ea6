import { allRoutes, buildPath, ErrorBody, type Route } from "@lk/contract";
import fc from "fast-check";
import { expect } from "vitest";
import { multipartPayload, PDF } from "../test/multipart.ts";
import {
  type Customer,
  createTestApp,
  linkByNumber,
  registerCustomer,
  registerOperator,
  type TestApp,
} from "../test/test-app.ts";
import { badBody, badParam, badQuery } from "./arbitraries.ts";

/** Inputs per route; the issue asks for at least 1 000 (BAD_INPUT_RUNS overrides, e.g. for a longer run). */
export const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 1000);

export interface Fixture {
  t: TestApp;
  customer: Customer;
  operator: Customer;
  ids: Record<string, string>;
}

export async function createFixture(): Promise<Fixture> {
  const t = await createTestApp({
    env: {
      RATE_LIMIT_READINGS_PER_MINUTE: "1000000",
      RATE_LIMIT_PAYMENTS_PER_MINUTE: "1000000",
      RATE_LIMIT_ANSWERS_PER_MINUTE: "1000000",
    },
  });
  const customer = await registerCustomer(t.app);
  const operator = await registerOperator(t.app, t.db);
  const account = await linkByNumber(t, customer, "7700000010");
  const meter = await t.db.meter.findFirstOrThrow({ where: { accountId: account.id } });
  const bill = await t.db.bill.findFirstOrThrow({ where: { accountId: account.id } });
  const payment = await t.db.payment.findFirstOrThrow({ where: { accountId: account.id } });
  const form = multipartPayload({ request: JSON.stringify({ change: { kind: "ROOMS", rooms: account.rooms + 1 } }) }, [
    { field: "plan", fileName: "plan.pdf", bytes: PDF },
  ]);
  const filed = await t.app.inject({
    method: "POST",
    url: `/api/accounts/${account.id}/requests`,
    headers: { ...form.headers, authorization: `Bearer ${customer.token}` },
    payload: form.payload,
  });
  const request = filed.json() as { id: string; documents: { id: string }[] };
  const ids = {
    accountId: account.id,
    meterId: meter.id,
    billId: bill.id,
    paymentId: payment.id,
    requestId: request.id,
    documentId: request.documents[0]?.id as string,
  };
  return { t, customer, operator, ids };
}

/** Everything a malformed request must not touch, in one row. */
export async function fingerprint(t: TestApp): Promise<string> {
  const rows = await t.db.$queryRaw<unknown[]>`
    SELECT (SELECT count(*) FROM "User") AS users,
           (SELECT max("updatedAt") FROM "User") AS users_updated,
           (SELECT count(*) FROM "AccountLink") AS links,
           (SELECT count(*) FROM "AccountLink" WHERE "isPrimary") AS primaries,
           (SELECT sum("balanceKopecks") FROM "PersonalAccount") AS balances,
           (SELECT string_agg("billDelivery"::text, '') FROM "PersonalAccount") AS delivery,
           (SELECT sum(residents + rooms) FROM "PersonalAccount") AS details,
           (SELECT count(*) FROM "Reading") AS readings,
           (SELECT count(*) FROM "Payment") AS payments,
           (SELECT count(*) FROM "AutoPayment") AS autopayments,
           (SELECT count(*) FROM "ServiceRequest") AS requests,
           (SELECT count(*) FROM "ServiceRequestEvent") AS events,
           (SELECT count(*) FROM "ContactCode") AS codes,
           (SELECT count(*) FROM "PasswordResetToken") AS resets,
           (SELECT count(*) FROM "OutboxMessage") AS outbox,
           (SELECT count(*) FROM "RefreshSession") AS sessions,
           (SELECT count(*) FROM "SignInAttempt") AS sign_ins,
           (SELECT count(*) FROM "ControlQuestionAttempt") AS answers`;
  return JSON.stringify(rows, (_, value) => (typeof value === "bigint" ? String(value) : value));
}

const routeKey = (route: Route) => `${route.method} ${route.path}`;

/** The routes one test file fuzzes: `part` of `parts`, so files can run in parallel. */
export function routesOf(part: number, parts: number): [string, Route][] {
  return allRoutes.filter((_, index) => index % parts === part).map((route) => [routeKey(route), route]);
}

interface Attempt {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

async function send(f: Fixture, route: Route, attempt: Attempt) {
  const token = route.path.startsWith("/api/operator") ? f.operator.token : f.customer.token;
  const path = buildPath(route.path, { ...f.ids, ...attempt.params });
  const url = attempt.query ? `${path}?${attempt.query}` : path;
  const headers: Record<string, string> = route.auth ? { authorization: `Bearer ${token}` } : {};
  if (route.multipart && attempt.body !== undefined) {
    const form = multipartPayload({ request: JSON.stringify(attempt.body) ?? "" }, [
      { field: "plan", fileName: "plan.pdf", bytes: PDF },
    ]);
    return f.t.app.inject({
      method: route.method,
      url,
      headers: { ...headers, ...form.headers },
      payload: form.payload,
    });
  }
  const withBody = attempt.body !== undefined && route.method !== "GET";
  return f.t.app.inject({
    method: route.method,
    url,
    headers: withBody ? { ...headers, "content-type": "application/json" } : headers,
    ...(withBody ? { payload: JSON.stringify(attempt.body) ?? "null" } : {}),
  });
}

function assertRefused(res: { statusCode: number; json(): unknown; body: string }) {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  expect(ErrorBody.safeParse(res.json()).success, res.body).toBe(true);
}

/**
 * One route, RUNS malformed requests: bad path parameters (with an otherwise valid request),
 * then bad bodies and queries with the fixture's real ids. Every input is one the contract
 * refuses; each must be answered 4xx in the error shape, and the database must not change.
 */
export async function fuzzRoute(f: Fixture, route: Route): Promise<number> {
  const before = await fingerprint(f.t);
  const paramNames = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
  const inputs: fc.Arbitrary<Attempt>[] = [];
  if (paramNames.length) {
    inputs.push(
      fc
        .record(Object.fromEntries(paramNames.map((name) => [name, badParam])))
        .filter(
          (params) =>
            !route.params?.safeParse(params).success ||
            Object.values(params).every((v) => !Object.values(f.ids).includes(v)),
        )
        .map((params) => ({ params })),
    );
  }
  const bodyOrQuery = fc
    .record({
      body: route.body || route.method !== "GET" ? badBody(route.body) : fc.constant(undefined),
      query: badQuery(route.query),
    })
    .filter(({ body, query }) => {
      const bodyBad = route.body ? !route.body.safeParse(body).success : false;
      // A route without a query schema ignores the query string, so only a schema makes it bad.
      const queryBad = route.query
        ? !route.query.safeParse(Object.fromEntries(new URLSearchParams(query))).success
        : false;
      return bodyBad || queryBad || (!route.body && !route.query);
    });
  // A valid id with nothing else to get wrong is a valid request (DELETE an account): such routes
  // get only the bad-parameter inputs.
  const onlyParams = route.method !== "GET" && paramNames.length > 0 && !route.body && !route.query;
  if (!onlyParams) inputs.push(bodyOrQuery);
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.oneof(...inputs), async (attempt) => {
      runs += 1;
      const res = await send(f, route, attempt);
      if (!route.body && !route.query && !attempt.params) {
        // Nothing to be malformed but ignored extras: the route may answer normally, never 5xx.
        expect(res.statusCode, res.body).toBeLessThan(500);
        return;
      }
      assertRefused(res);
    }),
    { numRuns: RUNS, seed: Number(process.env.BAD_INPUT_SEED ?? 20261125), endOnFailure: true },
  );
  expect(await fingerprint(f.t)).toBe(before);
  return runs;
}
