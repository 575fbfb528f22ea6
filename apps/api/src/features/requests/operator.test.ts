import { OperatorServiceRequest } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { multipartPayload, PDF } from "../../test/multipart.ts";
import {
  as,
  type Customer,
  createTestApp,
  lastMessageTo,
  linkByNumber,
  registerCustomer,
  registerOperator,
  type TestApp,
} from "../../test/test-app.ts";

const clock = fixedClock(new Date("2026-11-20T12:00:00+03:00"));
let t: TestApp;
let operator: Customer;
beforeAll(async () => {
  t = await createTestApp({ clock });
  operator = await registerOperator(t.app, t.db);
});
afterAll(() => t.close());

async function fileRequest(number: string, change: object, slot = "register") {
  const customer = await registerCustomer(t.app);
  const account = await linkByNumber(t, customer, number);
  const form = multipartPayload({ request: JSON.stringify({ change }) }, [
    { field: slot, fileName: "doc.pdf", bytes: PDF },
  ]);
  const res = await t.app.inject({
    method: "POST",
    url: `/api/accounts/${account.id}/requests`,
    headers: { ...form.headers, authorization: `Bearer ${customer.token}` },
    payload: form.payload,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { customer, account, request: res.json() as { id: string; number: string; documents: { id: string }[] } };
}

describe("the operator's queue", () => {
  it("review, then approve: the account changes in the same step, the customer sees it and gets a mail", async () => {
    const { customer, account, request } = await fileRequest("7700000020", { kind: "RESIDENTS", residents: 7 });
    const op = as(t.app, operator);
    const queue = (await op("GET", "/api/operator/requests")).json().requests as { id: string }[];
    expect(queue.map((r) => r.id)).toContain(request.id);
    const document = await op("GET", `/api/operator/requests/${request.id}/documents/${request.documents[0]?.id}`);
    expect(document.rawPayload).toEqual(PDF);

    const reviewed = await op("POST", `/api/operator/requests/${request.id}/review`);
    expect(OperatorServiceRequest.parse(reviewed.json())).toMatchObject({
      status: "IN_REVIEW",
      account: { number: account.number, residents: account.residents },
      customer: { email: customer.email },
    });
    const approved = await op("POST", `/api/operator/requests/${request.id}/decision`, { decision: "APPROVE" });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().history.map((e: { status: string; by: string }) => `${e.status}/${e.by}`)).toEqual([
      "SUBMITTED/CUSTOMER",
      "IN_REVIEW/OPERATOR",
      "DONE/OPERATOR",
    ]);
    expect((await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).residents).toBe(7);
    const seen = await as(t.app, customer)("GET", `/api/accounts/${account.id}`);
    expect(seen.json().residents).toBe(7);
    const mine = await as(t.app, customer)("GET", `/api/accounts/${account.id}/requests/${request.id}`);
    expect(mine.json().status).toBe("DONE");
    expect((await lastMessageTo(t, customer.email))?.subject).toBe(`Заявка ${request.number} выполнена`);

    // A decided request stays decided.
    const again = await op("POST", `/api/operator/requests/${request.id}/decision`, {
      decision: "REJECT",
      comment: "Передумали",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("REQUEST_STATE");
    expect((await op("POST", `/api/operator/requests/${request.id}/review`)).json().error.code).toBe("REQUEST_STATE");
  });

  it("a rejection needs a comment, keeps the account as it was, and the comment reaches the customer", async () => {
    const { customer, account, request } = await fileRequest(
      "7700000021",
      {
        kind: "AREA",
        totalArea: "99.5",
        livingArea: "60",
      },
      "egrn",
    );
    const op = as(t.app, operator);
    const bare = await op("POST", `/api/operator/requests/${request.id}/decision`, { decision: "REJECT" });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details.fields[0].path).toBe("comment");
    const rejected = await op("POST", `/api/operator/requests/${request.id}/decision`, {
      decision: "REJECT",
      comment: "Выписка нечитаема, приложите скан лучше.",
    });
    expect(rejected.json()).toMatchObject({ status: "REJECTED" });
    const after = await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.totalArea.toFixed(2)).toBe(account.totalArea.toFixed(2));
    const mine = (await as(t.app, customer)("GET", `/api/accounts/${account.id}/requests/${request.id}`)).json();
    expect(mine.history.at(-1)).toMatchObject({
      status: "REJECTED",
      comment: "Выписка нечитаема, приложите скан лучше.",
    });
    expect((await lastMessageTo(t, customer.email))?.text).toContain("Выписка нечитаема");
  });

  it("two operators deciding at once: one decision wins, the account changes once", async () => {
    const { account, request } = await fileRequest("7700000022", { kind: "ROOMS", rooms: 5 }, "plan");
    const second = await registerOperator(t.app, t.db);
    const answers = await Promise.all([
      as(t.app, operator)("POST", `/api/operator/requests/${request.id}/decision`, { decision: "APPROVE" }),
      as(t.app, second)("POST", `/api/operator/requests/${request.id}/decision`, {
        decision: "REJECT",
        comment: "Нет плана",
      }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const events = await t.db.serviceRequestEvent.count({ where: { requestId: request.id } });
    expect(events).toBe(2);
    const final = await t.db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
    const rooms = (await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).rooms;
    expect(rooms).toBe(final.status === "DONE" ? 5 : account.rooms);
  });

  it("customers get 403 on every operator route; an unknown request is 404", async () => {
    const customer = await registerCustomer(t.app);
    const id = "00000000-0000-4000-8000-000000000000";
    for (const [method, url] of [
      ["GET", "/api/operator/requests"],
      ["GET", `/api/operator/requests/${id}`],
      ["GET", `/api/operator/requests/${id}/documents/${id}`],
      ["POST", `/api/operator/requests/${id}/review`],
    ] as const) {
      expect((await as(t.app, customer)(method, url)).statusCode).toBe(403);
    }
    expect((await as(t.app, operator)("GET", `/api/operator/requests/${id}`)).statusCode).toBe(404);
    expect((await as(t.app, operator)("POST", `/api/operator/requests/${id}/review`)).statusCode).toBe(404);
  });

  it("an operator whose role is taken away is refused at once, not when the access token expires", async () => {
    const former = await registerOperator(t.app, t.db);
    const { request } = await fileRequest("7700000011", { kind: "RESIDENTS", residents: 9 });
    expect((await as(t.app, former)("GET", "/api/operator/requests")).statusCode).toBe(200);
    await t.db.user.update({ where: { id: former.id }, data: { role: "CUSTOMER" } });
    const review = await as(t.app, former)("POST", `/api/operator/requests/${request.id}/review`);
    expect(review.statusCode).toBe(403);
    expect((await t.db.serviceRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("SUBMITTED");
  });
});
