import { routes, ServiceRequest } from "@lk/contract";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { mockDb } from "../mock-db.ts";
import { mockWorld } from "../mock-world.ts";
import { setUpMockApiServer } from "./mock-api-server.ts";
import { DISGUISED, demoCustomer, errorOf, familyMember, PDF, pdf } from "./request-test-client.ts";

setUpMockApiServer();

const List = z.object({ requests: z.array(ServiceRequest) });

describe("mock API: «Изменить» (a customer's requests)", () => {
  it("files a residents request with a PDF: number, status «подана», the previous value and the document", async () => {
    const c = await demoCustomer();
    const before = c.bundle.account.residents;
    const res = await c.fileResidents(before + 1);
    expect(res.status).toBe(201);
    const request = ServiceRequest.parse(await res.json());
    expect(request).toMatchObject({
      number: "З-000001",
      accountId: c.accountId,
      accountNumber: c.bundle.account.number,
      kind: "RESIDENTS",
      status: "SUBMITTED",
      change: { kind: "RESIDENTS", residents: before + 1 },
      previous: { residents: before },
      comment: null,
      documents: [{ slot: "register", fileName: "vypiska.pdf", contentType: "application/pdf", sizeBytes: PDF.length }],
      history: [{ status: "SUBMITTED", comment: null, by: "CUSTOMER" }],
    });

    const listed = List.parse(await (await c.get(c.path(routes.requests.list))).json());
    expect(listed.requests).toEqual([request]);
    const again = await c.get(c.path(routes.requests.get, { requestId: request.id }));
    expect(ServiceRequest.parse(await again.json())).toEqual(request);

    const document = request.documents[0];
    const file = await c.get(
      c.path(routes.requests.document, { requestId: request.id, documentId: document?.id ?? "" }),
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([...PDF]);
  });

  it("numbers requests one after another, and lists the newest first", async () => {
    const c = await demoCustomer();
    await c.fileResidents(c.bundle.account.residents + 1);
    const rooms = await c.file({ change: { kind: "ROOMS", rooms: c.bundle.account.rooms + 1 } }, [pdf("plan")]);
    expect(ServiceRequest.parse(await rooms.json()).number).toBe("З-000002");
    const listed = List.parse(await (await c.get(c.path(routes.requests.list))).json());
    expect(listed.requests.map((r) => r.number)).toEqual(["З-000002", "З-000001"]);
  });

  it("refuses a text file named .pdf, naming the file, on its document's field; nothing is stored", async () => {
    const c = await demoCustomer();
    const res = await c.fileResidents(c.bundle.account.residents + 1, [
      { slot: "register", name: "spravka.pdf", bytes: DISGUISED },
    ]);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("DOCUMENT_REJECTED");
    expect(error.message).toMatch(/^Файл «spravka\.pdf» не является документом PDF или изображением JPEG или PNG/);
    expect(error.details?.fields).toEqual([{ path: "register", message: error.message }]);
    expect(mockDb.state.serviceRequests).toEqual([]);
    expect(mockDb.state.documentFiles).toEqual({});
  });

  it.each([
    [
      "an empty file",
      [{ slot: "register", name: "pusto.pdf", bytes: new Uint8Array() }],
      "DOCUMENT_REJECTED",
      /пустой/,
    ],
    [
      "a name that is a path",
      [{ slot: "register", name: "../../etc/passwd.pdf", bytes: PDF }],
      "DOCUMENT_REJECTED",
      /Недопустимое имя файла/,
    ],
    [
      "six files",
      Array.from({ length: 6 }, (_, i) => pdf(i ? "other" : "register", `${i}.pdf`)),
      "DOCUMENT_REJECTED",
      /не больше 5 файлов/,
    ],
    ["a slot the service has not", [pdf(), pdf("passport")], "DOCUMENT_REJECTED", /не относится к выбранной услуге/],
    ["no required document", [pdf("other")], "VALIDATION_FAILED", /Приложите документ: Выписка из домовой книги/],
  ])("refuses %s and stores nothing", async (_, files, code, message) => {
    const c = await demoCustomer();
    const res = await c.fileResidents(c.bundle.account.residents + 1, files);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(mockDb.state.serviceRequests).toEqual([]);
  });

  it("refuses a file over 5 MB by its size", async () => {
    const c = await demoCustomer();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    const error = await errorOf(
      await c.fileResidents(c.bundle.account.residents + 1, [
        pdf("register", "big.pdf"),
        { slot: "other", name: "big.pdf", bytes: big },
      ]),
    );
    expect(error).toMatchObject({ code: "DOCUMENT_REJECTED", details: { fields: [{ path: "other" }] } });
    expect(error.message).toMatch(/больше 5 МБ/);
  });

  it("says «Совпадает с текущим значением» on the field when nothing would change", async () => {
    const c = await demoCustomer();
    const res = await c.fileResidents(c.bundle.account.residents);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.fields).toEqual([
      { path: "change.residents", message: "Совпадает с текущим значением: менять нечего." },
    ]);
    const { totalArea, livingArea } = c.bundle.account;
    const area = await c.file({ change: { kind: "AREA", totalArea: totalArea.replace(".", ","), livingArea } }, [
      pdf("egrn"),
    ]);
    expect((await errorOf(area)).details?.fields?.map((f) => f.path)).toEqual([
      "change.totalArea",
      "change.livingArea",
    ]);
  });

  it("checks the change by the contract (living area within the total) and the JSON field itself", async () => {
    const c = await demoCustomer();
    const res = await c.file({ change: { kind: "AREA", totalArea: "40", livingArea: "41,5" } }, [pdf("egrn")]);
    expect((await errorOf(res)).details?.fields).toEqual([
      { path: "change.livingArea", message: "Жилая площадь не может быть больше общей." },
    ]);
    const bad = await c.upload(c.path(routes.requests.create), "{не json", [pdf()]);
    expect((await errorOf(bad)).code).toBe("VALIDATION_FAILED");
  });

  it("refuses a second open request of the same kind on the account, even from another family member", async () => {
    const c = await demoCustomer();
    expect((await c.fileResidents(c.bundle.account.residents + 1)).status).toBe(201);
    const again = await c.fileResidents(c.bundle.account.residents + 2);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("REQUEST_EXISTS");
    const family = await familyMember(c.accountId);
    const theirs = await family.upload(
      c.path(routes.requests.create),
      { change: { kind: "RESIDENTS", residents: 9 } },
      [pdf()],
    );
    expect((await errorOf(theirs)).code).toBe("REQUEST_EXISTS");
  });

  it("shows a request to nobody but its author: another user of the same account gets 404", async () => {
    const c = await demoCustomer();
    const request = ServiceRequest.parse(await (await c.fileResidents(c.bundle.account.residents + 1)).json());
    const family = await familyMember(c.accountId);
    const documentId = request.documents[0]?.id ?? "";
    for (const path of [
      c.path(routes.requests.get, { requestId: request.id }),
      c.path(routes.requests.document, { requestId: request.id, documentId }),
    ]) {
      const res = await family.get(path);
      expect(res.status).toBe(404);
    }
    expect(List.parse(await (await family.get(c.path(routes.requests.list))).json()).requests).toEqual([]);
  });

  it("answers 404 for an account the customer has not linked", async () => {
    const c = await demoCustomer();
    const other = mockWorld().bundles[7]?.account.id ?? "";
    for (const res of [
      await c.get(c.path(routes.requests.list, { accountId: other })),
      await c.upload(
        c.path(routes.requests.create, { accountId: other }),
        { change: { kind: "RESIDENTS", residents: 9 } },
        [pdf()],
      ),
    ]) {
      expect(res.status).toBe(404);
    }
  });
});
