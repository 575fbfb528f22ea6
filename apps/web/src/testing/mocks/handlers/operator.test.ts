import { AccountDetails, buildPath, OperatorServiceRequest, routes, ServiceRequest } from "@lk/contract";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { mockClock } from "../mock-clock.ts";
import { setUpMockApiServer } from "./mock-api-server.ts";
import { client, demoCustomer, errorOf, PDF, pdf, signInOperator } from "./request-test-client.ts";

setUpMockApiServer();

const Queue = z.object({ requests: z.array(OperatorServiceRequest) });
const op = (route: { path: string }, requestId: string, extra: Record<string, string> = {}) =>
  buildPath(route.path, { requestId, ...extra });

/** The demo customer files a residents request (one more resident); the operator is signed in. */
async function filed() {
  const customer = await demoCustomer();
  const residents = customer.bundle.account.residents + 1;
  const request = ServiceRequest.parse(await (await customer.fileResidents(residents)).json());
  const operator = client(await signInOperator());
  return { customer, operator, request, residents };
}

describe("mock API: the operator's screen", () => {
  it("refuses a customer on every operator route with 403", async () => {
    const { customer, request } = await filed();
    const documentId = request.documents[0]?.id ?? "";
    const answers = [
      await customer.get(routes.operator.queue.path),
      await customer.get(op(routes.operator.get, request.id)),
      await customer.get(op(routes.operator.document, request.id, { documentId })),
      await customer.post(op(routes.operator.review, request.id)),
      await customer.post(op(routes.operator.decide, request.id), { decision: "APPROVE" }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe("FORBIDDEN");
    }
  });

  it("lists open requests oldest first, with the customer and the account as it is now", async () => {
    const customer = await demoCustomer();
    mockClock.now = () => new Date("2026-11-20T09:00:00Z");
    await customer.fileResidents(customer.bundle.account.residents + 1);
    mockClock.now = () => new Date("2026-11-21T09:00:00Z");
    await customer.file({ change: { kind: "ROOMS", rooms: customer.bundle.account.rooms + 1 } }, [pdf("plan")]);
    const operator = client(await signInOperator());
    const queue = Queue.parse(await (await operator.get(routes.operator.queue.path)).json()).requests;
    expect(queue.map((r) => [r.number, r.kind])).toEqual([
      ["З-000001", "RESIDENTS"],
      ["З-000002", "ROOMS"],
    ]);
    expect(queue[0]).toMatchObject({
      customer: { fullName: DEMO_CUSTOMER.fullName, email: DEMO_CUSTOMER.email },
      account: { number: customer.bundle.account.number, residents: customer.bundle.account.residents },
    });
    const done = await operator.get(`${routes.operator.queue.path}?status=DONE`);
    expect(Queue.parse(await done.json()).requests).toEqual([]);
  });

  it("takes a request into review once: a second time is REQUEST_STATE", async () => {
    const { operator, request } = await filed();
    const reviewed = OperatorServiceRequest.parse(
      await (await operator.post(op(routes.operator.review, request.id))).json(),
    );
    expect(reviewed.status).toBe("IN_REVIEW");
    expect(reviewed.history.map((e) => [e.status, e.by])).toEqual([
      ["SUBMITTED", "CUSTOMER"],
      ["IN_REVIEW", "OPERATOR"],
    ]);
    const again = await operator.post(op(routes.operator.review, request.id));
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("REQUEST_STATE");
  });

  it("approves: the request is «выполнена» and the account's residents change, for the customer too", async () => {
    const { customer, operator, request, residents } = await filed();
    await operator.post(op(routes.operator.review, request.id));
    const res = await operator.post(op(routes.operator.decide, request.id), { decision: "APPROVE" });
    expect(res.status).toBe(200);
    const done = OperatorServiceRequest.parse(await res.json());
    expect(done).toMatchObject({ status: "DONE", account: { residents } });
    expect(done.history.at(-1)).toMatchObject({ status: "DONE", by: "OPERATOR", comment: null });

    const account = AccountDetails.parse(await (await customer.get(customer.path(routes.accounts.get))).json());
    expect(account.residents).toBe(residents);
    const seen = ServiceRequest.parse(
      await (await customer.get(customer.path(routes.requests.get, { requestId: request.id }))).json(),
    );
    expect(seen.status).toBe("DONE");
    expect(seen.previous).toEqual({ residents: residents - 1 });

    const twice = await operator.post(op(routes.operator.decide, request.id), { decision: "REJECT", comment: "Нет" });
    expect((await errorOf(twice)).code).toBe("REQUEST_STATE");
    // Closed, so the customer may file the same kind again.
    expect((await customer.fileResidents(residents + 1)).status).toBe(201);
  });

  it("approves an area request straight from «подана», in the account's own spelling", async () => {
    const customer = await demoCustomer();
    const created = await customer.file({ change: { kind: "AREA", totalArea: "61,5", livingArea: "40" } }, [
      pdf("egrn"),
    ]);
    const request = ServiceRequest.parse(await created.json());
    const operator = client(await signInOperator());
    await operator.post(op(routes.operator.decide, request.id), { decision: "APPROVE" });
    const account = AccountDetails.parse(await (await customer.get(customer.path(routes.accounts.get))).json());
    expect([account.totalArea, account.livingArea]).toEqual(["61.50", "40.00"]);
  });

  it("rejects only with a comment, which the customer sees; the account stays as it was", async () => {
    const { customer, operator, request } = await filed();
    const bare = await operator.post(op(routes.operator.decide, request.id), { decision: "REJECT" });
    expect((await errorOf(bare)).details?.fields).toEqual([
      { path: "comment", message: "Напишите клиенту, почему заявка отклонена." },
    ]);
    const comment = "Выписка нечитаема, приложите новую.";
    const rejected = OperatorServiceRequest.parse(
      await (await operator.post(op(routes.operator.decide, request.id), { decision: "REJECT", comment })).json(),
    );
    expect(rejected.status).toBe("REJECTED");
    const seen = ServiceRequest.parse(
      await (await customer.get(customer.path(routes.requests.get, { requestId: request.id }))).json(),
    );
    expect(seen.history.at(-1)).toMatchObject({ status: "REJECTED", comment, by: "OPERATOR" });
    const account = AccountDetails.parse(await (await customer.get(customer.path(routes.accounts.get))).json());
    expect(account.residents).toBe(customer.bundle.account.residents);
  });

  it("opens a request's document, and answers 404 for an unknown request", async () => {
    const { operator, request } = await filed();
    const documentId = request.documents[0]?.id ?? "";
    const file = await operator.get(op(routes.operator.document, request.id, { documentId }));
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([...PDF]);
    const unknown = await operator.get(op(routes.operator.get, crypto.randomUUID()));
    expect(unknown.status).toBe(404);
  });
});
