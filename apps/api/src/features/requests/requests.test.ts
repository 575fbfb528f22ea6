import fs from "node:fs/promises";
import path from "node:path";
import { DOCUMENT_LIMITS, ErrorBody, ServiceRequest } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { type FormFile, multipartPayload, PDF, PNG } from "../../test/multipart.ts";
import { as, type Customer, createTestApp, linkByNumber, registerCustomer, type TestApp } from "../../test/test-app.ts";

const clock = fixedClock(new Date("2026-11-20T12:00:00+03:00"));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const residents = (n: number) =>
  JSON.stringify({ change: { kind: "RESIDENTS", residents: n }, comment: "Родился сын" });

function file(name: string, bytes: Uint8Array | string = PDF, field = "register"): FormFile {
  return { field, fileName: name, bytes, contentType: "application/pdf" };
}

async function send(customer: Customer, accountId: string, json: string | null, files: FormFile[]) {
  const form = multipartPayload(json === null ? {} : { request: json }, files);
  return t.app.inject({
    method: "POST",
    url: `/api/accounts/${accountId}/requests`,
    headers: { ...form.headers, authorization: `Bearer ${customer.token}` },
    payload: form.payload,
  });
}

async function storedFiles(): Promise<string[]> {
  const entries = await fs.readdir(t.uploadDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function customerWithAccount(number: string) {
  const customer = await registerCustomer(t.app);
  const account = await linkByNumber(t, customer, number);
  return { customer, account };
}

describe("filing a request («Изменить»)", () => {
  it("a residents change with a PDF: 201, the rows, the file stored under our own name", async () => {
    const { customer, account } = await customerWithAccount("7700000010");
    const before = await storedFiles();
    const res = await send(customer, account.id, residents(account.residents + 1), [
      file("Выписка из домовой книги.pdf"),
    ]);
    expect(res.statusCode).toBe(201);
    const request = ServiceRequest.parse(res.json());
    expect(request).toMatchObject({
      kind: "RESIDENTS",
      status: "SUBMITTED",
      change: { kind: "RESIDENTS", residents: account.residents + 1 },
      previous: { residents: account.residents },
      comment: "Родился сын",
      accountNumber: account.number,
      documents: [{ slot: "register", fileName: "Выписка из домовой книги.pdf", contentType: "application/pdf" }],
      history: [{ status: "SUBMITTED", by: "CUSTOMER", comment: null }],
    });
    expect(request.number).toMatch(/^З-\d{6}$/);
    const row = await t.db.serviceRequestDocument.findFirstOrThrow({ where: { requestId: request.id } });
    const added = (await storedFiles()).filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect(path.basename(added[0] as string)).toBe(row.storageKey);
    expect(await fs.readFile(added[0] as string)).toEqual(PDF);
    // The account itself does not change until an operator approves.
    expect((await t.db.personalAccount.findUniqueOrThrow({ where: { id: account.id } })).residents).toBe(
      account.residents,
    );
    // The author lists it, opens it and downloads the document.
    const call = as(t.app, customer);
    expect((await call("GET", `/api/accounts/${account.id}/requests`)).json().requests).toHaveLength(1);
    expect((await call("GET", `/api/accounts/${account.id}/requests/${request.id}`)).statusCode).toBe(200);
    const download = await call(
      "GET",
      `/api/accounts/${account.id}/requests/${request.id}/documents/${request.documents[0]?.id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toContain("filename*=UTF-8''");
    expect(download.rawPayload).toEqual(PDF);
  });

  const bad: [string, (residentsNow: number) => [string | null, FormFile[]], number, string, string][] = [
    [
      "a text file disguised as .pdf",
      (n) => [residents(n + 1), [file("scan.pdf", "hello, I am text")]],
      422,
      "DOCUMENT_REJECTED",
      "не является документом PDF",
    ],
    [
      "an executable disguised as .png",
      (n) => [residents(n + 1), [file("photo.png", "MZ\u0090\u0000binary")]],
      422,
      "DOCUMENT_REJECTED",
      "не является документом PDF",
    ],
    ["an empty file", (n) => [residents(n + 1), [file("empty.pdf", "")]], 422, "DOCUMENT_REJECTED", "пустой"],
    [
      "a file over 5 MB",
      (n) => [residents(n + 1), [file("big.pdf", Buffer.concat([PDF, Buffer.alloc(DOCUMENT_LIMITS.maxFileBytes)]))]],
      422,
      "DOCUMENT_REJECTED",
      "больше 5 МБ",
    ],
    [
      "six files",
      (n) => [
        residents(n + 1),
        [file("1.pdf"), ...Array.from({ length: 5 }, (_, i) => file(`${i + 2}.pdf`, PDF, "other"))],
      ],
      422,
      "DOCUMENT_REJECTED",
      "не больше 5 файлов",
    ],
    [
      "a path-like name",
      (n) => [residents(n + 1), [file("../../etc/passwd.pdf")]],
      422,
      "DOCUMENT_REJECTED",
      "Недопустимое имя файла",
    ],
    [
      "a Windows path",
      (n) => [residents(n + 1), [file("C:\\Users\\scan.pdf")]],
      422,
      "DOCUMENT_REJECTED",
      "Недопустимое имя файла",
    ],
    [
      "a slot of another service",
      (n) => [residents(n + 1), [file("a.pdf"), file("p.pdf", PDF, "passport")]],
      422,
      "DOCUMENT_REJECTED",
      "не относится",
    ],
    [
      "no required document",
      (n) => [residents(n + 1), [file("other.pdf", PNG, "other")]],
      400,
      "VALIDATION_FAILED",
      "Приложите документ",
    ],
    ["no request data", () => [null, [file("a.pdf")]], 400, "VALIDATION_FAILED", "Нет данных заявки"],
    ["broken JSON", () => ["{residents:", [file("a.pdf")]], 400, "VALIDATION_FAILED", "не являются корректным JSON"],
    [
      "an unknown service",
      () => [JSON.stringify({ change: { kind: "DEMOLISH" } }), [file("a.pdf")]],
      400,
      "VALIDATION_FAILED",
      "",
    ],
    [
      "the same value as now",
      (n) => [residents(n), [file("a.pdf")]],
      400,
      "VALIDATION_FAILED",
      "Совпадает с текущим значением",
    ],
  ];

  it.each(bad)("refuses %s with a clear message and stores nothing", async (_, build, status, code, message) => {
    const { customer, account } = await customerWithAccount("7700000011");
    const before = await storedFiles();
    const [json, files] = build(account.residents);
    const res = await send(customer, account.id, json, files);
    expect(res.statusCode).toBe(status);
    const error = ErrorBody.parse(res.json()).error;
    expect(error.code).toBe(code);
    expect(`${error.message} ${JSON.stringify(error.details?.fields ?? [])}`).toContain(message);
    expect(await t.db.serviceRequest.count({ where: { accountId: account.id, userId: customer.id } })).toBe(0);
    expect(await storedFiles()).toEqual(before);
    await t.db.accountLink.deleteMany({ where: { userId: customer.id } });
  });

  it("refuses a JSON body (not multipart) with 415", async () => {
    const { customer, account } = await customerWithAccount("7700000012");
    const res = await as(t.app, customer)("POST", `/api/accounts/${account.id}/requests`, {
      change: { kind: "RESIDENTS", residents: 3 },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("one open request per service and account; area and owner have their own checks", async () => {
    const { customer, account } = await customerWithAccount("7700000015");
    expect((await send(customer, account.id, residents(account.residents + 2), [file("a.pdf")])).statusCode).toBe(201);
    const twice = await send(customer, account.id, residents(account.residents + 3), [file("b.pdf")]);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("REQUEST_EXISTS");
    const area = JSON.stringify({ change: { kind: "AREA", totalArea: "40,5", livingArea: "52" } });
    const wrongArea = await send(customer, account.id, area, [file("egrn.pdf", PDF, "egrn")]);
    expect(wrongArea.json().error.details.fields).toEqual([
      { path: "change.livingArea", message: "Жилая площадь не может быть больше общей." },
    ]);
    const owner = JSON.stringify({ change: { kind: "OWNER", ownerName: "Сидоров Пётр" } });
    const onlyOne = await send(customer, account.id, owner, [file("e.pdf", PDF, "ownership")]);
    expect(onlyOne.json().error.details.fields[0].path).toBe("passport");
    const full = await send(customer, account.id, owner, [
      file("e.pdf", PDF, "ownership"),
      { field: "passport", fileName: "passport.png", bytes: PNG, contentType: "image/png" },
    ]);
    expect(full.statusCode).toBe(201);
    expect(full.json().documents.map((d: { contentType: string }) => d.contentType)).toEqual([
      "application/pdf",
      "image/png",
    ]);
  });
});

describe("a request is its author's", () => {
  it("another customer, even one linked to the same account, sees neither the request nor its file", async () => {
    const { customer, account } = await customerWithAccount("7700000016");
    const created = ServiceRequest.parse(
      (await send(customer, account.id, residents(account.residents + 1), [file("a.pdf")])).json(),
    );
    const family = await registerCustomer(t.app);
    await linkByNumber(t, family, account.number);
    const stranger = await registerCustomer(t.app);
    for (const other of [family, stranger]) {
      const call = as(t.app, other);
      const base = `/api/accounts/${account.id}/requests`;
      for (const url of [`${base}/${created.id}`, `${base}/${created.id}/documents/${created.documents[0]?.id}`]) {
        const res = await call("GET", url);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain("%PDF");
        expect(res.body).not.toContain(created.number);
      }
      const list = await call("GET", base);
      expect(list.statusCode === 404 || list.json().requests.length === 0).toBe(true);
      // Nor the operator routes.
      const operator = await call("GET", `/api/operator/requests/${created.id}`);
      expect(operator.statusCode).toBe(403);
      expect(operator.json().error.code).toBe("FORBIDDEN");
    }
  });
});
