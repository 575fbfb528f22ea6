import { routes, type ServiceRequestChange } from "@lk/contract";
import { type Scenario, step } from "../scenario.ts";
import { PDF_TEXT, pdf } from "../uploads.ts";
import { accountOf, customer, linked, operator, UNKNOWN } from "../world.ts";

const INDEX = 19;

export const operatorScenarios: Scenario[] = [
  {
    feature: "operator",
    name: "the operator's desk: not for customers; the queue, a request with its account, its file, review, approval, rejection",
    async run(api) {
      const c = await customer(api);
      const accountId = await linked(api, c, INDEX);
      const { rooms, residents } = accountOf(INDEX);
      const file = (change: ServiceRequestChange, slot: string) =>
        api.setup(() =>
          api.call(
            "file",
            routes.requests.create,
            { params: { accountId }, body: { change }, files: [pdf(slot)] },
            c.token,
          ),
        );
      const { id: requestId } = await file({ kind: "ROOMS", rooms: rooms + 1 }, "plan");
      const { id: otherId } = await file({ kind: "RESIDENTS", residents: residents + 1 }, "register");
      const op = await operator(api);
      // The clock stands still, so both requests and all their events share one instant: what the
      // scenario notes of them is sorted, as their order at equal times is promised by neither side.
      const ours = (list: { requests: { accountId: string; kind: string; status: string }[] }) =>
        list.requests
          .filter((r) => r.accountId === accountId)
          .map((r) => `${r.kind} ${r.status}`)
          .sort();

      await api.call("queue as a customer", routes.operator.queue, {}, c.token);
      await api.call("review as a customer", routes.operator.review, { params: { requestId } }, c.token);
      api.see(ours(await api.call("queue", routes.operator.queue, {}, op.token)));
      const got = await api.call("request", routes.operator.get, { params: { requestId } }, op.token);
      api.see([got.customer.email === c.email, got.account.rooms === rooms, got.change]);
      const documentId = got.documents[0]?.id ?? UNKNOWN;
      const document = await api.call(
        "document",
        routes.operator.document,
        { params: { requestId, documentId } },
        op.token,
      );
      api.see(document === PDF_TEXT);
      const decide = (name: string, id: string, body: { decision: "APPROVE" | "REJECT"; comment?: string }) =>
        api.call(name, routes.operator.decide, { params: { requestId: id }, body }, op.token);
      await decide("rejection without a reason", requestId, { decision: "REJECT" });
      api.see((await api.call("review", routes.operator.review, { params: { requestId } }, op.token)).status);
      await api.call("review again", routes.operator.review, { params: { requestId } }, op.token);
      const approved = await decide("approve", requestId, { decision: "APPROVE" });
      api.see(approved.history.map((h) => `${h.status} ${h.by}`).sort());
      await decide("decide again", requestId, { decision: "REJECT", comment: "Передумали." });
      const rejected = await decide("reject the other", otherId, { decision: "REJECT", comment: "Выписка нечитаема." });
      api.see([rejected.status, rejected.history.find((h) => h.status === "REJECTED")?.comment]);

      const mine = await api.call(
        "the customer's request",
        routes.requests.get,
        { params: { accountId, requestId } },
        c.token,
      );
      api.see(mine.status);
      const page = await api.call("the account after", routes.accounts.get, { params: { accountId } }, c.token);
      api.see([page.rooms - rooms, page.residents - residents]);
      const { messages } = await api.call("the customer's mail", routes.outbox.list, { query: { to: c.email } });
      api.see(messages.filter((m) => m.kind === "REQUEST_ANSWERED").length);
      api.see(ours(await api.call("done", routes.operator.queue, { query: { status: "DONE" } }, op.token)));
      await api.call("unknown request", routes.operator.get, { params: { requestId: UNKNOWN } }, op.token);
      await api.call(
        "unknown document",
        routes.operator.document,
        { params: { requestId, documentId: UNKNOWN } },
        op.token,
      );
    },
    expected: [
      step("queue as a customer", 403, "FORBIDDEN"),
      step("review as a customer", 403, "FORBIDDEN"),
      step("queue", 200, undefined, ["RESIDENTS SUBMITTED", "ROOMS SUBMITTED"]),
      step("request", 200, undefined, [true, true, { kind: "ROOMS", rooms: accountOf(INDEX).rooms + 1 }]),
      step("document", 200, undefined, true),
      step("rejection without a reason", 400, "VALIDATION_FAILED"),
      step("review", 200, undefined, "IN_REVIEW"),
      step("review again", 409, "REQUEST_STATE"),
      step("approve", 200, undefined, ["DONE OPERATOR", "IN_REVIEW OPERATOR", "SUBMITTED CUSTOMER"]),
      step("decide again", 409, "REQUEST_STATE"),
      step("reject the other", 200, undefined, ["REJECTED", "Выписка нечитаема."]),
      step("the customer's request", 200, undefined, "DONE"),
      step("the account after", 200, undefined, [1, 0]),
      step("the customer's mail", 200, undefined, 2),
      step("done", 200, undefined, ["ROOMS DONE"]),
      step("unknown request", 404, "NOT_FOUND"),
      step("unknown document", 404, "NOT_FOUND"),
    ],
  },
];
