import { randomUUID } from "node:crypto";
import { AccountDetails, allRoutes, buildPath, ErrorBody, type Route } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartPayload, PDF } from "../../test/multipart.ts";
import { as, type Customer, createTestApp, registerCustomer, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Links by inserting the row: these tests are about what a linked customer can do. */
async function link(customer: Customer, number: string, isPrimary = false) {
  const account = await t.db.personalAccount.findFirstOrThrow({ where: { number } });
  await t.db.accountLink.create({ data: { userId: customer.id, accountId: account.id, isPrimary } });
  return account;
}

describe("the account page", () => {
  it("shows the balance, the last bill, the last payment and each meter with its last reading", async () => {
    const c = await registerCustomer(t.app);
    const account = await link(c, "7700000002", true);
    const res = await as(t.app, c)("GET", `/api/accounts/${account.id}`);
    expect(res.statusCode).toBe(200);
    const details = AccountDetails.parse(res.json());
    expect(details).toMatchObject({
      number: "7700000002",
      supplier: { id: "mosenergosbyt", name: "АО «Мосэнергосбыт»" },
      tariffPlan: "THREE_ZONE",
      balanceKopecks: account.balanceKopecks,
      isPrimary: true,
    });
    expect(details.shortAddress).not.toContain("г. Москва");
    const lastBill = await t.db.bill.findFirstOrThrow({
      where: { accountId: account.id },
      orderBy: { period: "desc" },
    });
    expect(details.lastBill).toMatchObject({ id: lastBill.id, period: "2026-10", totalKopecks: lastBill.totalKopecks });
    expect(details.meters).toHaveLength(1);
    const meter = details.meters[0];
    expect(meter?.zones).toEqual(["T1", "T2", "T3"]);
    expect(meter?.lastReading?.values.map((v) => v.zone)).toEqual(["T1", "T2", "T3"]);
    const reading = await t.db.reading.findFirstOrThrow({
      where: { meterId: meter?.id },
      orderBy: { takenAt: "desc" },
    });
    expect(meter?.lastReading?.takenAt).toBe(reading.takenAt.toISOString());
    expect(Number(meter?.lastReading?.values[0]?.value)).toBeCloseTo(Number(reading.t1), 2);
  });

  it("marks АСКУЭ and faulty meters", async () => {
    const c = await registerCustomer(t.app);
    const askue = await link(c, "7700000003", true);
    const faulty = await link(c, "7700000004");
    const a = (await as(t.app, c)("GET", `/api/accounts/${askue.id}`)).json();
    const f = (await as(t.app, c)("GET", `/api/accounts/${faulty.id}`)).json();
    expect(a.meters[0]).toMatchObject({ automated: true, faulty: false });
    expect(f.meters[0]).toMatchObject({ automated: false, faulty: true });
  });
});

describe("«Удалить» and the primary account", () => {
  it("keeps the primary account while others exist, and lets it go once another is primary", async () => {
    const c = await registerCustomer(t.app);
    const call = as(t.app, c);
    const first = await link(c, "7700000010", true);
    const second = await link(c, "7700000011");

    const refused = await call("DELETE", `/api/accounts/${first.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("PRIMARY_ACCOUNT");

    const primary = await call("POST", `/api/accounts/${second.id}/primary`);
    expect(primary.json().accounts.map((a: { number: string; isPrimary: boolean }) => [a.number, a.isPrimary])).toEqual(
      [
        ["7700000011", true],
        ["7700000010", false],
      ],
    );
    expect((await call("DELETE", `/api/accounts/${first.id}`)).statusCode).toBe(204);
    // Only the link went; the supplier's account is still there.
    expect(await t.db.personalAccount.count({ where: { id: first.id } })).toBe(1);
    expect(await t.db.accountLink.count({ where: { userId: c.id } })).toBe(1);

    // The last account may go too: a customer may hold none and still sign in.
    expect((await call("DELETE", `/api/accounts/${second.id}`)).statusCode).toBe(204);
    expect((await call("GET", "/api/accounts")).json()).toEqual({ accounts: [] });
    expect((await call("GET", "/api/auth/me")).statusCode).toBe(200);
  });
});

describe("«Переименовать»", () => {
  it("keeps the customer's own name on their link: their list and page show it, another holder's do not", async () => {
    const owner = await registerCustomer(t.app);
    const other = await registerCustomer(t.app);
    const account = await link(owner, "7700000012", true);
    await link(other, "7700000012", true);
    const call = as(t.app, owner);

    const renamed = await call("PUT", `/api/accounts/${account.id}/nickname`, { nickname: "  Дача  " });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().accounts).toEqual([expect.objectContaining({ id: account.id, nickname: "Дача" })]);
    const row = await t.db.accountLink.findFirstOrThrow({ where: { userId: owner.id, accountId: account.id } });
    expect(row.nickname).toBe("Дача");
    expect(AccountDetails.parse((await call("GET", `/api/accounts/${account.id}`)).json()).nickname).toBe("Дача");

    // The other customer linked to the same account sees no name.
    const theirs = as(t.app, other);
    expect((await theirs("GET", "/api/accounts")).json().accounts[0].nickname).toBeNull();
    expect((await theirs("GET", `/api/accounts/${account.id}`)).json().nickname).toBeNull();

    // An empty name removes it; a long one is refused on the field and changes nothing.
    const long = await call("PUT", `/api/accounts/${account.id}/nickname`, { nickname: "д".repeat(41) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.fields).toEqual([
      { path: "nickname", message: "Название — не длиннее 40 символов." },
    ]);
    expect((await t.db.accountLink.findFirstOrThrow({ where: { id: row.id } })).nickname).toBe("Дача");
    const cleared = await call("PUT", `/api/accounts/${account.id}/nickname`, { nickname: " " });
    expect(cleared.json().accounts[0].nickname).toBeNull();
    expect((await t.db.accountLink.findFirstOrThrow({ where: { id: row.id } })).nickname).toBeNull();
  });
});

/** A valid request for each account-scoped route; the test fails when a new one is missing. */
const accountScoped: Record<string, { body?: object; query?: string; multipart?: true }> = {
  "GET /api/accounts/:accountId": {},
  "DELETE /api/accounts/:accountId": {},
  "POST /api/accounts/:accountId/primary": {},
  "PUT /api/accounts/:accountId/nickname": { body: { nickname: "Чужая дача" } },
  "GET /api/accounts/:accountId/readings/state": {},
  "POST /api/accounts/:accountId/meters/:meterId/readings": {
    body: { idempotencyKey: "8a0c1f7e-1f1e-4c7a-9b8e-1d2c3b4a5f6e", values: { T1: "99999" } },
  },
  "GET /api/accounts/:accountId/readings": { query: "?from=2024-01-01&to=2026-12-31" },
  "GET /api/accounts/:accountId/consumption": { query: "?year=2026" },
  "GET /api/accounts/:accountId/consumption.csv": { query: "?year=2026" },
  "GET /api/accounts/:accountId/consumption/this-month": {},
  "GET /api/accounts/:accountId/tariff-comparison": {},
  "GET /api/accounts/:accountId/payments": { query: "?from=2024-01-01&to=2026-12-31" },
  "GET /api/accounts/:accountId/payments/:paymentId": {},
  "POST /api/accounts/:accountId/payments": {
    body: {
      idempotencyKey: "7a0c1f7e-1f1e-4c7a-9b8e-1d2c3b4a5f6e",
      amountKopecks: 10_000,
    },
  },
  "GET /api/accounts/:accountId/bills": { query: "?from=2024-01-01&to=2026-12-31" },
  "GET /api/accounts/:accountId/bills/:billId": {},
  "GET /api/accounts/:accountId/autopayment": {},
  "POST /api/accounts/:accountId/autopayment": {
    body: {
      termsVersion: "2026-01",
      termsAccepted: true,
      maxAmountKopecks: 500_000,
      receiptEmail: "x@example.ru",
    },
  },
  "POST /api/accounts/:accountId/autopayment/card": {},
  "POST /api/accounts/:accountId/autopayment/disable": { body: { reason: "OTHER" } },
  "POST /api/accounts/:accountId/autopayment/annul": {},
  "PUT /api/accounts/:accountId/bill-delivery": { body: { method: "PAPER" } },
  "GET /api/accounts/:accountId/requests": {},
  "POST /api/accounts/:accountId/requests": { multipart: true },
  "GET /api/accounts/:accountId/requests/:requestId": {},
  "GET /api/accounts/:accountId/requests/:requestId/documents/:documentId": {},
};

describe("authorization", () => {
  const scoped = allRoutes.filter((r) => r.path.includes(":accountId"));
  const key = (r: Route) => `${r.method} ${r.path}`;

  it("every account-scoped route is in this matrix", () => {
    expect(scoped.map(key).sort()).toEqual(Object.keys(accountScoped).sort());
  });

  it.each(scoped.map((r) => [key(r), r] as const))(
    "%s answers 404 to a customer who has not linked the account, and leaks nothing",
    async (_, route) => {
      const owner = await registerCustomer(t.app);
      const stranger = await registerCustomer(t.app);
      await link(stranger, "7700000016", true);
      const account = await link(owner, "7700000015", true);
      const meter = await t.db.meter.findFirstOrThrow({ where: { accountId: account.id } });
      const bill = await t.db.bill.findFirstOrThrow({ where: { accountId: account.id } });
      const payment = await t.db.payment.findFirstOrThrow({ where: { accountId: account.id } });
      const example = accountScoped[key(route)];
      const request = await t.db.serviceRequest.create({
        data: {
          accountId: account.id,
          userId: owner.id,
          kind: "ROOMS",
          status: "SUBMITTED",
          change: { kind: "ROOMS", rooms: 9 },
          previous: { rooms: account.rooms },
          updatedAt: new Date(),
          documents: {
            create: {
              slot: "plan",
              fileName: "plan.pdf",
              contentType: "application/pdf",
              sizeBytes: 10,
              storageKey: randomUUID(),
            },
          },
        },
        include: { documents: true },
      });
      const ids = {
        accountId: account.id,
        meterId: meter.id,
        billId: bill.id,
        paymentId: payment.id,
        requestId: request.id,
        documentId: request.documents[0]?.id as string,
      };
      const url = buildPath(route.path, ids) + (example?.query ?? "");
      const form = multipartPayload({ request: JSON.stringify({ change: { kind: "ROOMS", rooms: 8 } }) }, [
        { field: "plan", fileName: "plan.pdf", bytes: PDF },
      ]);
      const res = example?.multipart
        ? await t.app.inject({
            method: route.method,
            url,
            headers: { ...form.headers, authorization: `Bearer ${stranger.token}` },
            payload: form.payload,
          })
        : await as(t.app, stranger)(route.method, url, example?.body);
      expect(res.statusCode).toBe(404);
      expect(ErrorBody.parse(res.json()).error.code).toBe("NOT_FOUND");
      expect(res.body).not.toContain(account.number);
      expect(res.body).not.toContain(account.ownerName);
      expect(res.body).not.toContain(meter.serialNumber);
      expect(await t.db.serviceRequest.count({ where: { userId: owner.id } })).toBe(1);
      expect((await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).billDelivery).toBe("PAPER");
      // Nothing changed for the owner.
      expect(
        await t.db.accountLink.count({ where: { userId: owner.id, accountId: account.id, isPrimary: true } }),
      ).toBe(1);
    },
  );

  it.each(allRoutes.filter((r) => r.auth).map((r) => [key(r), r] as const))(
    "%s answers 401 without a token",
    async (_, route) => {
      const res = await t.app.inject({
        method: route.method,
        url: buildPath(route.path, {
          accountId: "00000000-0000-4000-8000-000000000000",
          meterId: "00000000-0000-4000-8000-000000000000",
          billId: "00000000-0000-4000-8000-000000000000",
          paymentId: "00000000-0000-4000-8000-000000000000",
          requestId: "00000000-0000-4000-8000-000000000000",
          documentId: "00000000-0000-4000-8000-000000000000",
        }),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("UNAUTHORIZED");
    },
  );
});
