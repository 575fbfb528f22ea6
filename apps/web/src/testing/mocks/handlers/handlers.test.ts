import {
  AccountDetails,
  AccountSummary,
  AuthSession,
  allRoutes,
  buildPath,
  CONTROL_CHARACTER_MESSAGE,
  ErrorBody,
  routes,
  StartLinkResult,
  SupplierSummary,
  User,
} from "@lk/contract";
import { DEMO_CUSTOMER, DEMO_LINKABLE_ACCOUNTS, DEMO_LINKED_ACCOUNTS, linkHintsOf } from "@lk/demo-data";
import { formatAmount, formatMoscowDateTime } from "@lk/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { registerConfirmedCustomer } from "../../confirmed-customer.ts";
import { codeIn } from "../../outbox-text.ts";
import { mockClock } from "../mock-clock.ts";
import { mockDb } from "../mock-db.ts";
import { mockWorld } from "../mock-world.ts";
import { handlers } from "./index.ts";
import { setUpMockApiServer } from "./mock-api-server.ts";
import { demoCustomer, pdf } from "./request-test-client.ts";

setUpMockApiServer();

const post = (path: string, body?: unknown, token?: string) =>
  fetch(new URL(path, window.location.origin), {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("mock API", () => {
  it("answers every route of the contract", () => {
    const mocked = new Set(handlers.map((h) => `${h.info.method} ${h.info.path}`));
    for (const route of allRoutes) expect(mocked).toContain(`${route.method} ${route.path}`);
  });

  it("registers, signs in, refreshes and signs out with answers the contract allows", async () => {
    const body = { email: "New@Example.ru", fullName: "Иванов Иван", password: "abcd1234" };
    const registered = await post(routes.auth.register.path, body);
    expect(registered.status).toBe(201);
    const session = AuthSession.parse(await registered.json());
    expect(session.user.email).toBe("new@example.ru");

    const me = await fetch(new URL(routes.auth.me.path, window.location.origin), {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(User.parse(await me.json()).id).toBe(session.user.id);

    const signedIn = await post(routes.auth.signIn.path, { login: "new@example.ru", password: "abcd1234" });
    expect(signedIn.status).toBe(200);
    expect((await post(routes.auth.refresh.path)).status).toBe(200);
    expect((await post(routes.auth.signOut.path)).status).toBe(204);
    const after = await post(routes.auth.refresh.path);
    expect(after.status).toBe(401);
    expect(ErrorBody.parse(await after.json()).error.code).toBe("SESSION_EXPIRED");
  });

  it("validates input like the API: field errors in the contract's shape", async () => {
    const res = await post(routes.auth.register.path, { email: "x", fullName: "", password: "1", extra: 1 });
    expect(res.status).toBe(400);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.details?.fields?.map((f) => f.path)).toEqual(
      expect.arrayContaining(["email", "fullName", "password", "extra"]),
    );
  });

  it("refuses the demo customer's e-mail and a wrong password as the API does", async () => {
    const taken = await post(routes.auth.register.path, {
      email: "demo@lk.test",
      fullName: "Иван Петров",
      password: "abcd1234",
    });
    expect(ErrorBody.parse(await taken.json()).error.code).toBe("EMAIL_TAKEN");
    const wrong = await post(routes.auth.signIn.path, { login: "demo@lk.test", password: "nope" });
    expect(wrong.status).toBe(401);
    expect(ErrorBody.parse(await wrong.json()).error.message).toBe("Неверный логин или пароль.");
  });

  it("needs a token for routes that need one", async () => {
    const res = await fetch(new URL(routes.auth.me.path, window.location.origin));
    expect(res.status).toBe(401);
  });

  it("refuses a NUL or another control character anywhere in the input, naming the field, before the schemas", async () => {
    const body = await post(routes.auth.register.path, {
      email: "anna@example.ru",
      fullName: "Смирнова\u0000Анна",
      password: "x",
    });
    expect(body.status).toBe(400);
    expect(ErrorBody.parse(await body.json()).error).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { location: "body", fields: [{ path: "fullName", message: CONTROL_CHARACTER_MESSAGE }] },
    });
    expect(mockDb.state.users.some((u) => u.email === "anna@example.ru")).toBe(false);

    const query = await fetch(new URL(`${routes.outbox.list.path}?to=a%07b`, window.location.origin));
    expect(ErrorBody.parse(await query.json()).error).toMatchObject({
      details: { location: "query", fields: [{ path: "to", message: CONTROL_CHARACTER_MESSAGE }] },
    });

    const c = await demoCustomer();
    const multipart = await c.file({ change: { kind: "OWNER", ownerName: "Петров\u007fПётр" } }, [pdf("ownership")]);
    expect(multipart.status).toBe(400);
    expect(ErrorBody.parse(await multipart.json()).error.details?.fields).toEqual([
      { path: "change.ownerName", message: CONTROL_CHARACTER_MESSAGE },
    ]);
  });
});

/** A request as the web client sends it, signed in with `token`. */
const call = (method: string, path: string, token: string, body?: unknown) =>
  fetch(new URL(path, window.location.origin), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function signIn(login: string = DEMO_CUSTOMER.email, password: string = DEMO_CUSTOMER.password) {
  const res = await post(routes.auth.signIn.path, { login, password });
  return AuthSession.parse(await res.json()).accessToken;
}

const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error;
const listOf = async (token: string) =>
  z
    .object({ accounts: z.array(AccountSummary) })
    .parse(await (await call("GET", routes.accounts.list.path, token)).json()).accounts;
const accountPath = (accountId: string) => buildPath(routes.accounts.get.path, { accountId });

/** The first account the demo customer may link, with the answers its papers give. */
function linkable() {
  const bundle = mockWorld().bundles[DEMO_LINKABLE_ACCOUNTS[0]];
  if (!bundle) throw new Error("the mock world has no linkable account");
  return { bundle, hints: linkHintsOf(bundle, new Date()) };
}

describe("mock API: personal accounts", () => {
  it("lists the suppliers with their number formats and control questions", async () => {
    const res = await call("GET", routes.accounts.suppliers.path, await signIn());
    const { suppliers } = z.object({ suppliers: z.array(SupplierSummary) }).parse(await res.json());
    expect(suppliers.map((s) => s.shortName)).toContain("Мосэнергосбыт");
    expect(suppliers.every((s) => s.controlQuestions.length > 0)).toBe(true);
  });

  it("seeds the demo customer with the same linked account as the database, primary", async () => {
    const accounts = await listOf(await signIn());
    const first = mockWorld().bundles[DEMO_LINKED_ACCOUNTS[0]];
    expect(accounts).toEqual([expect.objectContaining({ id: first?.account.id, isPrimary: true })]);
  });

  it("links an account: start → wrong answer → right answer → listed → details → unlinked", async () => {
    const token = await signIn();
    const { bundle, hints } = linkable();
    const spaced = hints.accountNumber.replace(/^(\d{2})(\d{4})/, "$1 $2 ");
    const start = await call("POST", routes.accounts.startLink.path, token, {
      supplierId: hints.supplierId,
      accountNumber: spaced,
    });
    expect(start.status).toBe(200);
    const challenge = StartLinkResult.parse(await start.json());
    expect(challenge).toMatchObject({ accountNumber: hints.accountNumber, attemptsLeft: 5 });
    expect(challenge.questions.map((q) => q.kind)).toContain("BILL_TOTAL");

    const confirm = (answer: string) =>
      call("POST", routes.accounts.confirmLink.path, token, {
        supplierId: hints.supplierId,
        accountNumber: hints.accountNumber,
        question: "BILL_TOTAL",
        answer,
      });
    const wrong = await confirm("0,01");
    expect(wrong.status).toBe(422);
    expect(await errorOf(wrong)).toMatchObject({ code: "WRONG_ANSWER", details: { attemptsLeft: 4 } });

    const right = await confirm(formatAmount(hints.billTotal ?? 0));
    expect(right.status).toBe(201);
    const { account } = z.object({ account: AccountSummary }).parse(await right.json());
    expect(account).toMatchObject({ id: bundle.account.id, isPrimary: false });

    const accounts = await listOf(token);
    expect(accounts.map((a) => [a.id, a.isPrimary])).toEqual([
      [mockWorld().bundles[0]?.account.id, true],
      [bundle.account.id, false],
    ]);

    const details = AccountDetails.parse(await (await call("GET", accountPath(account.id), token)).json());
    expect(details.meters[0]?.serialNumber).toBe(hints.meterSerial);
    expect(details.meters[0]?.lastReading?.values.length).toBe(details.meters[0]?.zones.length);
    expect(details.balanceKopecks).toBe(bundle.account.balanceKopecks);

    const again = await call("POST", routes.accounts.startLink.path, token, {
      supplierId: hints.supplierId,
      accountNumber: hints.accountNumber,
    });
    expect((await errorOf(again)).code).toBe("ACCOUNT_ALREADY_LINKED");

    expect((await call("DELETE", accountPath(account.id), token)).status).toBe(204);
    expect((await listOf(token)).map((a) => a.id)).not.toContain(account.id);
  });

  it("checks the number against the supplier's format, naming the format", async () => {
    const res = await call("POST", routes.accounts.startLink.path, await signIn(), {
      supplierId: "mosenergosbyt",
      accountNumber: "12345",
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.fields).toEqual([
      { path: "accountNumber", message: "Номер лицевого счёта Мосэнергосбыт: 10 цифр, например 7700000000." },
    ]);
  });

  it("does not tell whether a number exists: an unknown one fails at the answer, like a wrong one", async () => {
    const token = await signIn();
    const body = { supplierId: "mosenergosbyt", accountNumber: "7799999999" };
    const start = await call("POST", routes.accounts.startLink.path, token, body);
    expect(StartLinkResult.parse(await start.json()).attemptsLeft).toBe(5);
    const confirm = await call("POST", routes.accounts.confirmLink.path, token, {
      ...body,
      question: "BILL_TOTAL",
      answer: "100,00",
    });
    expect(await errorOf(confirm)).toMatchObject({ code: "WRONG_ANSWER", details: { attemptsLeft: 4 } });
  });

  it("locks linking for 24 hours after 5 wrong answers, even for the right answer", async () => {
    const token = await signIn();
    const { hints } = linkable();
    const body = { supplierId: hints.supplierId, accountNumber: hints.accountNumber, question: "METER_SERIAL" };
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call("POST", routes.accounts.confirmLink.path, token, { ...body, answer: `000${i}` });
      codes.push((await errorOf(res)).code);
    }
    expect(codes).toEqual(["WRONG_ANSWER", "WRONG_ANSWER", "WRONG_ANSWER", "WRONG_ANSWER", "LINK_LOCKED"]);

    const right = await call("POST", routes.accounts.confirmLink.path, token, { ...body, answer: hints.meterSerial });
    expect(right.status).toBe(429);
    const lockedUntil = Date.parse((await errorOf(right)).details?.lockedUntil ?? "");
    expect(lockedUntil - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const start = await call("POST", routes.accounts.startLink.path, token, {
      supplierId: hints.supplierId,
      accountNumber: hints.accountNumber,
    });
    expect((await errorOf(start)).code).toBe("LINK_LOCKED");

    mockClock.now = () => new Date(lockedUntil + 60_000);
    const later = await call("POST", routes.accounts.confirmLink.path, token, { ...body, answer: hints.meterSerial });
    expect(later.status).toBe(201);
  });

  it("links only for a confirmed e-mail or phone: CONTACT_NOT_CONFIRMED before anything else", async () => {
    const registered = await post(routes.auth.register.path, {
      email: "anna@example.ru",
      phone: "+79160004400",
      fullName: "Смирнова Анна",
      password: "abcd1234",
    });
    const token = AuthSession.parse(await registered.json()).accessToken;
    const { hints } = linkable();
    const number = { supplierId: hints.supplierId, accountNumber: hints.accountNumber };
    const start = await call("POST", routes.accounts.startLink.path, token, number);
    expect(start.status).toBe(403);
    expect(await errorOf(start)).toMatchObject({
      code: "CONTACT_NOT_CONFIRMED",
      message: "Чтобы подключать лицевые счета, подтвердите в профиле адрес электронной почты или номер телефона.",
    });
    const confirm = await call("POST", routes.accounts.confirmLink.path, token, {
      ...number,
      question: "METER_SERIAL",
      answer: hints.meterSerial,
    });
    expect((await errorOf(confirm)).code).toBe("CONTACT_NOT_CONFIRMED");
    // Nothing was counted against the account.
    expect(mockDb.state.linkAttempts).toEqual([]);

    // A confirmed phone is enough.
    await call("POST", routes.profile.sendContactCode.path, token, { kind: "PHONE", value: "+79160004400" });
    const code = codeIn(mockDb.state.outbox.at(-1)?.text);
    await call("POST", routes.profile.confirmContact.path, token, { kind: "PHONE", code });
    expect((await call("POST", routes.accounts.startLink.path, token, number)).status).toBe(200);
  });

  it("pauses linking an account for everyone after 10 wrong answers from all customers, and tells its holders", async () => {
    mockClock.now = () => new Date("2026-11-20T09:00:00.000Z");
    const account = mockWorld().bundles[DEMO_LINKED_ACCOUNTS[0]];
    if (!account) throw new Error("no demo account");
    const hints = linkHintsOf(account, mockClock.now());
    const number = { supplierId: hints.supplierId, accountNumber: hints.accountNumber };
    const answer = (token: string, answer: string) =>
      call("POST", routes.accounts.confirmLink.path, token, { ...number, question: "METER_SERIAL", answer });
    const guessers = await Promise.all(
      ["a", "b", "c", "d"].map(async (name) => (await registerConfirmedCustomer(`${name}@example.ru`)).accessToken),
    );
    const [a, b, c, d] = guessers as [string, string, string, string];
    for (const token of [a, b, c]) {
      for (let i = 0; i < 3; i++) expect((await errorOf(await answer(token, `guess-${i}`))).code).toBe("WRONG_ANSWER");
    }
    // Nine wrong answers so far: one is left for everyone, whatever their own count.
    const start = await call("POST", routes.accounts.startLink.path, d, number);
    expect(StartLinkResult.parse(await start.json()).attemptsLeft).toBe(1);
    const tenth = await answer(d, "guess-9");
    expect(tenth.status).toBe(429);
    const until = new Date("2026-11-21T09:00:00.000Z");
    expect(await errorOf(tenth)).toMatchObject({ code: "LINK_PAUSED", details: { lockedUntil: until.toISOString() } });

    const newcomer = await registerConfirmedCustomer("e@example.ru");
    const right = await answer(newcomer.accessToken, hints.meterSerial ?? "");
    expect(right.status).toBe(429);
    expect((await errorOf(right)).code).toBe("LINK_PAUSED");
    expect((await errorOf(await call("POST", routes.accounts.startLink.path, newcomer.accessToken, number))).code).toBe(
      "LINK_PAUSED",
    );
    // The refused right answer was not counted.
    expect(mockDb.state.linkAttempts).toHaveLength(10);

    const letters = mockDb.state.outbox.filter((m) => m.kind === "LINK_PAUSED");
    expect(letters.map((m) => m.to)).toEqual([DEMO_CUSTOMER.email]);
    expect(letters[0]?.text).toContain(`до ${formatMoscowDateTime(until)}`);
    expect(formatMoscowDateTime(until)).toBe("21.11.2026 12:00 (мск)");

    mockClock.now = () => new Date(until.getTime() + 1000);
    expect((await answer(newcomer.accessToken, hints.meterSerial ?? "")).status).toBe(201);
    // The demo customer, who had the account, hears that someone else has it now.
    const linked = mockDb.state.outbox.filter((m) => m.kind === "ACCOUNT_LINKED");
    expect(linked.map((m) => [m.to, m.subject])).toEqual([
      [DEMO_CUSTOMER.email, `Лицевой счёт № ${hints.accountNumber} подключён к ещё одной учётной записи`],
    ]);
  });

  it("stops a customer after 20 wrong answers a day over every number, even for a right answer", async () => {
    mockClock.now = () => new Date("2026-11-20T09:00:00.000Z");
    const sweeper = (await registerConfirmedCustomer("sweeper@example.ru")).accessToken;
    const account = mockWorld().bundles[DEMO_LINKED_ACCOUNTS[0]];
    if (!account) throw new Error("no demo account");
    const hints = linkHintsOf(account, mockClock.now());
    const codes: string[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await call("POST", routes.accounts.confirmLink.path, sweeper, {
        supplierId: "mosenergosbyt",
        accountNumber: `77${String(20_000 + i).padStart(8, "0")}`,
        question: "LAST_PAYMENT",
        answer: "1000,00",
      });
      codes.push((await errorOf(res)).code);
    }
    expect(codes.slice(0, 19).every((c) => c === "WRONG_ANSWER")).toBe(true);
    expect(codes.slice(19)).toEqual(["LINK_DAILY_LIMIT", "LINK_DAILY_LIMIT"]);
    const right = await call("POST", routes.accounts.confirmLink.path, sweeper, {
      supplierId: hints.supplierId,
      accountNumber: hints.accountNumber,
      question: "METER_SERIAL",
      answer: hints.meterSerial ?? "",
    });
    expect(await errorOf(right)).toMatchObject({
      code: "LINK_DAILY_LIMIT",
      details: { lockedUntil: "2026-11-21T09:00:00.000Z" },
    });
  });

  it("keeps the primary account while others exist, until another becomes primary", async () => {
    const token = await signIn();
    const { bundle, hints } = linkable();
    await call("POST", routes.accounts.confirmLink.path, token, {
      supplierId: hints.supplierId,
      accountNumber: hints.accountNumber,
      question: "METER_SERIAL",
      answer: hints.meterSerial,
    });
    const primaryId = mockWorld().bundles[0]?.account.id ?? "";
    const refused = await call("DELETE", accountPath(primaryId), token);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("PRIMARY_ACCOUNT");

    const made = await call(
      "POST",
      buildPath(routes.accounts.makePrimary.path, { accountId: bundle.account.id }),
      token,
    );
    expect(made.status).toBe(200);
    expect((await listOf(token))[0]).toMatchObject({ id: bundle.account.id, isPrimary: true });
    expect((await call("DELETE", accountPath(primaryId), token)).status).toBe(204);
  });

  it("answers 404 for an account the user has not linked, whoever holds it", async () => {
    await post(routes.auth.register.path, {
      email: "other@example.ru",
      fullName: "Пётр Сидоров",
      password: "abcd1234",
    });
    const stranger = await signIn("other@example.ru", "abcd1234");
    const demoAccount = mockWorld().bundles[0]?.account.id ?? "";
    expect(await listOf(stranger)).toEqual([]);
    expect((await call("GET", accountPath(demoAccount), stranger)).status).toBe(404);
    expect((await call("DELETE", accountPath(demoAccount), stranger)).status).toBe(404);
    const primary = buildPath(routes.accounts.makePrimary.path, { accountId: demoAccount });
    expect((await call("POST", primary, stranger)).status).toBe(404);
  });
});
