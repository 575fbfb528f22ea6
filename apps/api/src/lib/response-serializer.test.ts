import { allRoutes, ErrorBody, routes } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { as, createTestApp, linkByNumber, registerCustomer, type TestApp } from "../test/test-app.ts";
import { fixedClock } from "./clock.ts";
import { compileResponse, contractSerializerCompiler } from "./response-serializer.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock(new Date("2026-11-20T12:00:00+03:00")) });
});
afterAll(() => t.close());

type Compiler = ReturnType<typeof contractSerializerCompiler>;
const serializerFor = (compiler: Compiler, route: { method: string; path: string; response: unknown }) =>
  compiler({
    schema: route.response,
    method: route.method,
    url: route.path,
    httpStatus: "200",
  } as Parameters<Compiler>[0]);

const production = contractSerializerCompiler({ checkAgainstContract: false });
const checking = contractSerializerCompiler({ checkAgainstContract: true });

describe("the compiled response serializer", () => {
  it("compiles every response of the contract (none falls back to zod's serializer)", () => {
    for (const route of allRoutes) {
      if (route.status === 204) continue;
      expect(compileResponse(route.response as ZodType), `${route.method} ${route.path}`).not.toBeNull();
    }
    expect(compileResponse(ErrorBody)).not.toBeNull();
  });

  it("writes the hot pages exactly as the contract's zod schemas do", async () => {
    const customer = await registerCustomer(t.app);
    const account = await linkByNumber(t, customer, "7700000002");
    const call = as(t.app, customer);
    const pages = [
      [routes.accounts.get, `/api/accounts/${account.id}`],
      [routes.accounts.list, "/api/accounts"],
      [routes.readings.state, `/api/accounts/${account.id}/readings/state`],
      [routes.consumption.year, `/api/accounts/${account.id}/consumption?year=2026`],
      [routes.payments.bills, `/api/accounts/${account.id}/bills?from=2025-01-01&to=2026-12-31`],
    ] as const;
    for (const [route, url] of pages) {
      const res = await call("GET", url);
      expect(res.statusCode, url).toBe(200);
      const body = res.json();
      expect(JSON.parse(serializerFor(production, route)(body)), url).toEqual(body);
    }
  });

  it("writes only what the contract names, and in tests refuses data that breaks it", async () => {
    const customer = await registerCustomer(t.app);
    const account = await linkByNumber(t, customer, "7700000002");
    const page = (await as(t.app, customer)("GET", `/api/accounts/${account.id}`)).json();
    const leaked = { ...page, passwordHash: "secret", supplier: { ...page.supplier, internal: 1 } };
    const written = JSON.parse(serializerFor(production, routes.accounts.get)(leaked));
    expect(written).toEqual(page);
    // What may be null is written as null (zod's nullable, compiled without a validator).
    const empty = {
      ...page,
      lastBill: null,
      lastPayment: null,
      debtSince: null,
      meters: [{ ...page.meters[0], lastReading: null }],
    };
    expect(JSON.parse(serializerFor(production, routes.accounts.get)(empty))).toEqual(empty);
    expect(() => serializerFor(checking, routes.accounts.get)({ ...page, balanceKopecks: "много" })).toThrow();
  });
});
