import { ContactCodeSent, ErrorBody, Profile } from "@lk/contract";
import { CODE_ATTEMPTS, CODE_RESEND_MS, CODES_PER_VALUE_PER_HOUR } from "@lk/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import {
  as,
  type Customer,
  createTestApp,
  lastMessageTo,
  refreshCookieFrom,
  registerCustomer,
  type TestApp,
} from "../../test/test-app.ts";

const clock = fixedClock(new Date("2026-11-20T12:00:00+03:00"));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const codeIn = (text: string | undefined) => text?.match(/\b(\d{6})\b/)?.[1] as string;
const errorOf = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error;

/** A code to a new (or the current) address; a change carries the current password, as the form sends it. */
async function sendCode(customer: Customer, kind: "EMAIL" | "PHONE", value: string, currentPassword = "Secret-123") {
  return as(t.app, customer)("POST", "/api/profile/contact-codes", { kind, value, currentPassword });
}

describe("«Профиль»: name and newsletter", () => {
  it("changes the name and the consent, and nothing else", async () => {
    const c = await registerCustomer(t.app);
    const call = as(t.app, c);
    expect(Profile.parse((await call("GET", "/api/profile")).json())).toEqual({
      fullName: "Тестов Тест",
      email: c.email,
      emailConfirmed: false,
      phone: null,
      phoneConfirmed: false,
      newsletter: false,
    });
    const res = await call("PATCH", "/api/profile", { fullName: "Петрова Анна Ивановна", newsletter: true });
    expect(res.statusCode).toBe(200);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ fullName: "Петрова Анна Ивановна", newsletter: true, email: c.email });
    for (const payload of [{ email: "x@example.ru" }, { role: "OPERATOR" }, {}, { fullName: "1" }]) {
      const refused = await call("PATCH", "/api/profile", payload);
      expect(refused.statusCode).toBe(400);
      expect(errorOf(refused).code).toBe("VALIDATION_FAILED");
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ role: "CUSTOMER" });
  });
});

describe("new phone and e-mail, confirmed by a code from the outbox", () => {
  it("a phone becomes the login only after the code; sign-in works with it", async () => {
    const c = await registerCustomer(t.app);
    const sent = await sendCode(c, "PHONE", "8 (916) 555-12-34");
    expect(sent.statusCode).toBe(201);
    expect(ContactCodeSent.parse(sent.json())).toMatchObject({ kind: "PHONE", value: "+79165551234" });
    const sms = await lastMessageTo(t, "+79165551234");
    expect(sms).toMatchObject({ channel: "SMS", kind: "CONTACT_CODE" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: c.id } })).phone).toBeNull();
    // Only the hash of the code is stored.
    const stored = await t.db.contactCode.findFirstOrThrow({ where: { userId: c.id } });
    expect(JSON.stringify(stored)).not.toContain(codeIn(sms?.text));

    const confirmed = await as(t.app, c)("POST", "/api/profile/contact-codes/confirm", {
      kind: "PHONE",
      code: codeIn(sms?.text),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().phone).toBe("+79165551234");
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { login: "+7 916 555 12 34", password: "Secret-123" },
    });
    expect(signIn.statusCode).toBe(200);
    // The code is spent.
    const again = await as(t.app, c)("POST", "/api/profile/contact-codes/confirm", {
      kind: "PHONE",
      code: codeIn(sms?.text),
    });
    expect(errorOf(again).code).toBe("CODE_EXPIRED");
  });

  it(`wrong codes count down; after ${CODE_ATTEMPTS} the code is closed and nothing changed`, async () => {
    const c = await registerCustomer(t.app);
    await sendCode(c, "PHONE", "+79165550000");
    const right = codeIn((await lastMessageTo(t, "+79165550000"))?.text);
    const wrong = right === "000000" ? "111111" : "000000";
    const left: number[] = [];
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const res = await as(t.app, c)("POST", "/api/profile/contact-codes/confirm", { kind: "PHONE", code: wrong });
      const error = errorOf(res);
      left.push(error.details?.attemptsLeft ?? 0);
      if (i < CODE_ATTEMPTS - 1) expect(error.code).toBe("CODE_INVALID");
      else expect(error.code).toBe("CODE_EXPIRED");
    }
    expect(left.slice(0, -1)).toEqual([4, 3, 2, 1]);
    const late = await as(t.app, c)("POST", "/api/profile/contact-codes/confirm", { kind: "PHONE", code: right });
    expect(errorOf(late).code).toBe("CODE_EXPIRED");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: c.id } })).phone).toBeNull();
  });

  it("parallel wrong guesses get no more than the allowed tries", async () => {
    const c = await registerCustomer(t.app);
    await sendCode(c, "PHONE", "+79165550099");
    const right = codeIn((await lastMessageTo(t, "+79165550099"))?.text);
    const guesses = Array.from({ length: 12 }, (_, i) => String(i).padStart(6, "0")).filter((g) => g !== right);
    await Promise.all(
      guesses.map((code) => as(t.app, c)("POST", "/api/profile/contact-codes/confirm", { kind: "PHONE", code })),
    );
    const row = await t.db.contactCode.findFirstOrThrow({ where: { userId: c.id } });
    expect(row.attempts).toBe(CODE_ATTEMPTS);
    expect(row.closedAt).not.toBeNull();
  });

  it("a new code waits a minute; the older code stops working", async () => {
    const c = await registerCustomer(t.app);
    await sendCode(c, "EMAIL", "new-address@example.ru");
    const first = codeIn((await lastMessageTo(t, "new-address@example.ru"))?.text);
    const tooSoon = await sendCode(c, "EMAIL", "new-address@example.ru");
    expect(tooSoon.statusCode).toBe(429);
    expect(errorOf(tooSoon).details?.retryAfterSeconds).toBe(CODE_RESEND_MS / 1000);
    clock.advance(CODE_RESEND_MS);
    expect((await sendCode(c, "EMAIL", "new-address@example.ru")).statusCode).toBe(201);
    const second = codeIn((await lastMessageTo(t, "new-address@example.ru"))?.text);
    if (first !== second) {
      const old = await as(t.app, c)("POST", "/api/profile/contact-codes/confirm", { kind: "EMAIL", code: first });
      expect(errorOf(old).code).toBe("CODE_INVALID");
    }
    const ok = await as(t.app, c)("POST", "/api/profile/contact-codes/confirm", { kind: "EMAIL", code: second });
    expect(Profile.parse(ok.json())).toMatchObject({ email: "new-address@example.ru", emailConfirmed: true });
  });

  it(`one number gets ${CODES_PER_VALUE_PER_HOUR} codes an hour whoever asks, even all at once from many accounts`, async () => {
    const askers = await Promise.all(
      Array.from({ length: CODES_PER_VALUE_PER_HOUR + 2 }, () => registerCustomer(t.app)),
    );
    const statuses = await Promise.all(
      askers.map(async (c) => (await sendCode(c, "PHONE", "+79165550777")).statusCode),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(CODES_PER_VALUE_PER_HOUR);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(await t.db.outboxMessage.count({ where: { to: "+79165550777" } })).toBe(CODES_PER_VALUE_PER_HOUR);
    // A refused asker may send to another number (the limit was the number's), and after the hour
    // this number gets codes again.
    const refused = askers[statuses.indexOf(429)] as Customer;
    expect((await sendCode(refused, "PHONE", "+79165550778")).statusCode).toBe(201);
    clock.advance(60 * 60_000);
    expect((await sendCode(refused, "PHONE", "+79165550777")).statusCode).toBe(201);
  });

  it("a code expires after 10 minutes", async () => {
    const c = await registerCustomer(t.app);
    await sendCode(c, "PHONE", "+79165550011");
    const code = codeIn((await lastMessageTo(t, "+79165550011"))?.text);
    clock.advance(10 * 60 * 1000 + 1);
    const res = await as(t.app, c)("POST", "/api/profile/contact-codes/confirm", { kind: "PHONE", code });
    expect(res.statusCode).toBe(410);
    expect(errorOf(res).code).toBe("CODE_EXPIRED");
  });

  it("another customer's e-mail gets a code like any other and is refused only to whoever holds it", async () => {
    const a = await registerCustomer(t.app);
    const b = await registerCustomer(t.app);
    // Nothing at this step tells b that a's address is registered (it would let strangers probe).
    const res = await sendCode(b, "EMAIL", a.email.toUpperCase());
    expect(res.statusCode).toBe(201);
    const code = codeIn((await lastMessageTo(t, a.email))?.text);
    // Only with the code from a's mailbox does anyone learn the address is taken.
    const confirm = await as(t.app, b)("POST", "/api/profile/contact-codes/confirm", { kind: "EMAIL", code });
    expect(confirm.statusCode).toBe(409);
    expect(errorOf(confirm).code).toBe("EMAIL_TAKEN");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: b.id } })).email).toBe(b.email);
  });

  it("a phone typed at registration but never proved goes to whoever proves it; a proved one stays", async () => {
    const squatter = await registerCustomer(t.app);
    await t.db.user.update({ where: { id: squatter.id }, data: { phone: "+79165550077", phoneConfirmedAt: null } });
    const owner = await registerCustomer(t.app);
    await sendCode(owner, "PHONE", "+79165550077", "Secret-123");
    const code = codeIn((await lastMessageTo(t, "+79165550077"))?.text);
    const res = await as(t.app, owner)("POST", "/api/profile/contact-codes/confirm", { kind: "PHONE", code });
    expect(res.statusCode).toBe(200);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({ phone: "+79165550077" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: squatter.id } })).phone).toBeNull();

    // Proved now: a third customer's code for it is refused as taken.
    const third = await registerCustomer(t.app);
    clock.advance(CODE_RESEND_MS);
    await sendCode(third, "PHONE", "+79165550077", "Secret-123");
    const again = codeIn((await lastMessageTo(t, "+79165550077"))?.text);
    const taken = await as(t.app, third)("POST", "/api/profile/contact-codes/confirm", { kind: "PHONE", code: again });
    expect(errorOf(taken).code).toBe("PHONE_TAKEN");
  });

  it("the current e-mail can be confirmed; a confirmed one is not sent again", async () => {
    const c = await registerCustomer(t.app);
    await sendCode(c, "EMAIL", c.email);
    const code = codeIn((await lastMessageTo(t, c.email))?.text);
    await as(t.app, c)("POST", "/api/profile/contact-codes/confirm", { kind: "EMAIL", code });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: c.id } })).emailConfirmedAt).not.toBeNull();
    clock.advance(CODE_RESEND_MS);
    const again = await sendCode(c, "EMAIL", c.email);
    expect(again.statusCode).toBe(400);
    expect(errorOf(again).details?.fields?.[0]?.message).toBe("Этот адрес уже подтверждён.");
  });
});

describe("password change", () => {
  it("needs the current password; every other session ends, this browser goes on in a new one", async () => {
    const c = await registerCustomer(t.app);
    const other = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { login: c.email, password: "Secret-123" },
    });
    const otherCookie = refreshCookieFrom(other) as string;
    const wrong = await as(t.app, c)("POST", "/api/profile/password", {
      currentPassword: "Not-the-one-1",
      newPassword: "Brand-new-2",
    });
    expect(wrong.statusCode).toBe(422);
    expect(errorOf(wrong)).toMatchObject({
      code: "WRONG_PASSWORD",
      details: { fields: [{ path: "currentPassword" }] },
    });
    const weak = await as(t.app, c)("POST", "/api/profile/password", {
      currentPassword: "Secret-123",
      newPassword: "short",
    });
    expect(errorOf(weak).details?.fields?.[0]?.path).toBe("newPassword");

    const changed = await as(t.app, c)("POST", "/api/profile/password", {
      currentPassword: "Secret-123",
      newPassword: "Brand-new-2",
    });
    expect(changed.statusCode).toBe(200);
    // Every session ended, this one too; this browser goes on in a new one (token and cookie).
    const refreshOther = await t.app.inject({
      method: "POST",
      url: "/api/auth/refresh",
      cookies: { lk_refresh: otherCookie },
    });
    expect(refreshOther.statusCode).toBe(401);
    expect((await as(t.app, c)("GET", "/api/profile")).statusCode).toBe(401);
    const renewed = { ...c, token: changed.json().accessToken as string };
    expect((await as(t.app, renewed)("GET", "/api/profile")).statusCode).toBe(200);
    const cookie = refreshCookieFrom(changed) as string;
    const refreshed = await t.app.inject({ method: "POST", url: "/api/auth/refresh", cookies: { lk_refresh: cookie } });
    expect(refreshed.statusCode).toBe(200);
    const old = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { login: c.email, password: "Secret-123" },
    });
    expect(old.statusCode).toBe(401);
    expect((await lastMessageTo(t, c.email))?.kind).toBe("PASSWORD_CHANGED");
  });
});
