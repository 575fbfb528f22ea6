import { routes, type ServiceRequestChange } from "@lk/contract";
import type { Upload } from "../client.ts";
import { type Scenario, step } from "../scenario.ts";
import { disguised, PDF_TEXT, pdf } from "../uploads.ts";
import { accountOf, customer, linked, UNKNOWN } from "../world.ts";

const INDEX = 18;

export const requestScenarios: Scenario[] = [
  {
    feature: "requests",
    name: "«Изменить»: documents and value checked, a request filed once, listed, read with its file; 404 to anyone else",
    async run(api) {
      const c = await customer(api);
      const other = await customer(api);
      const accountId = await linked(api, c, INDEX);
      const { residents } = accountOf(INDEX);
      const more: ServiceRequestChange = { kind: "RESIDENTS", residents: residents + 1 };
      const file = (name: string, change: ServiceRequestChange, files: Upload[], token = c.token) =>
        api.call(name, routes.requests.create, { params: { accountId }, body: { change }, files }, token);

      api.see((await api.call("none yet", routes.requests.list, { params: { accountId } }, c.token)).requests.length);
      await file("no document", more, []);
      await file("a text named .pdf", more, [disguised("register")]);
      await file("another service's document", more, [pdf("plan")]);
      await file("the current value", { kind: "RESIDENTS", residents }, [pdf("register")]);
      const filed = await file("file", more, [pdf("register")]);
      api.see([
        filed?.status,
        filed?.previous,
        filed?.documents.map((d) => [d.slot, d.fileName, d.contentType, d.sizeBytes]),
        filed?.history.map((h) => [h.status, h.by]),
      ]);
      await file("file again", { kind: "RESIDENTS", residents: residents + 2 }, [pdf("register")]);

      const requestId = filed?.id ?? UNKNOWN;
      const documentId = filed?.documents[0]?.id ?? UNKNOWN;
      const list = await api.call("list", routes.requests.list, { params: { accountId } }, c.token);
      api.see(list.requests.map((r) => r.id === requestId));
      const got = await api.call("get", routes.requests.get, { params: { accountId, requestId } }, c.token);
      api.see(got.updatedAt === filed?.updatedAt);
      const params = { accountId, requestId, documentId };
      api.see((await api.call("document", routes.requests.document, { params }, c.token)) === PDF_TEXT);

      await api.call("foreign list", routes.requests.list, { params: { accountId } }, other.token);
      await api.call("foreign get", routes.requests.get, { params: { accountId, requestId } }, other.token);
      await api.call("foreign document", routes.requests.document, { params }, other.token);
      await file("foreign file", more, [pdf("register")], other.token);
      await api.call("unknown request", routes.requests.get, { params: { accountId, requestId: UNKNOWN } }, c.token);
      await api.call(
        "unknown document",
        routes.requests.document,
        { params: { ...params, documentId: UNKNOWN } },
        c.token,
      );
    },
    expected: [
      step("none yet", 200, undefined, 0),
      step("no document", 400, "VALIDATION_FAILED"),
      step("a text named .pdf", 422, "DOCUMENT_REJECTED"),
      step("another service's document", 422, "DOCUMENT_REJECTED"),
      step("the current value", 400, "VALIDATION_FAILED"),
      step("file", 201, undefined, [
        "SUBMITTED",
        { residents: accountOf(INDEX).residents },
        [["register", "vypiska.pdf", "application/pdf", PDF_TEXT.length]],
        [["SUBMITTED", "CUSTOMER"]],
      ]),
      step("file again", 409, "REQUEST_EXISTS"),
      step("list", 200, undefined, [true]),
      step("get", 200, undefined, true),
      step("document", 200, undefined, true),
      step("foreign list", 404, "NOT_FOUND"),
      step("foreign get", 404, "NOT_FOUND"),
      step("foreign document", 404, "NOT_FOUND"),
      step("foreign file", 404, "NOT_FOUND"),
      step("unknown request", 404, "NOT_FOUND"),
      step("unknown document", 404, "NOT_FOUND"),
    ],
  },
];
