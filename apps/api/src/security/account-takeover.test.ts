import { ErrorBody } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashRefreshToken } from "../features/auth/refresh-tokens.ts";
import { fixedClock } from "../lib/clock.ts";
import {
  as,
  type Customer,
  confirmedCustomer,
  createTestApp,
  lastMessageTo,
  linkByNumber,
  refreshCookieFrom,
  registerCustomer,
  type TestApp,
} from "../test/test-app.ts";

// The takeover paths an independent attack found (issue 16), each closed at its rule and proved
// here from outside, as the attacker tried them: through the API, with the database as witness.
const clock = fixedClock("2026-11-20T09:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { RATE_LIMIT_ANSWERS_PER_MINUTE: "10000" } });
});
afterAll(() => t.close());

const errorOf = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error;
const MOS = "mosenergosbyt";
const rubles = (kopecks: number) =>
  `${Math.trunc(Math.abs(kopecks) / 100)},${String(Math.abs(kopecks) % 100).padStart(2, "0")}`;
const signIn = (login: string, password: string, remoteAddress?: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { login, password }, remoteAddress });
const refresh = (cookie: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/refresh", cookies: { lk_refresh: cookie } });
const undo = (token: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/contact-change/undo", payload: { token } });
/**
 * The customer's login moved to `value` with the password and the code from the new address, as a
 * thief holding the password would; a minute later, when the next code may go out.
 */
const changeOf = (victim: Customer) => async (kind: "EMAIL" | "PHONE", value: string) => {
  const call = as(t.app, victim);
  await call("POST", "/api/profile/contact-codes", { kind, value, currentPassword: "Secret-123" });
  const code = (await lastMessageTo(t, value))?.text.match(/(\d{6})/)?.[1];
  expect((await call("POST", "/api/profile/contact-codes/confirm", { kind, code })).statusCode).toBe(200);
  clock.advance(61_000);
};
/** A customer's refresh cookie from a sign-in of their own (a second browser). */
const cookieOf = async (c: Customer) => refreshCookieFrom(await signIn(c.email, "Secret-123")) as string;
const answer = (c: Customer, accountNumber: string, text: string) =>
  as(t.app, c)("POST", "/api/accounts/link/confirm", {
    supplierId: MOS,
    accountNumber,
    question: "BILL_TOTAL",
    answer: text,
  });

describe("1. guessing the control question across many customers", () => {
  it("ten wrong answers from any customers pause the account for everyone and tell its customers", async () => {
    const account = await t.db.personalAccount.findFirstOrThrow({ where: { number: "7700000030" } });
    const bill = await t.db.bill.findFirstOrThrow({ where: { accountId: account.id }, orderBy: { period: "desc" } });
    const owner = await confirmedCustomer(t);
    await linkByNumber(t, owner, account.number);
    const guessers = [await confirmedCustomer(t), await confirmedCustomer(t), await confirmedCustomer(t)];
    const codes: string[] = [];
    for (const guesser of guessers) {
      for (let i = 0; i < 4; i++) {
        codes.push(errorOf(await answer(guesser, account.number, `${1000 + codes.length},01`)).code);
        clock.advance(1_000);
      }
    }
    // 4 + 4 wrong answers, the 10th pauses; the rest are refused unchecked.
    expect(codes.slice(0, 9)).toEqual(Array(9).fill("WRONG_ANSWER"));
    expect(codes.slice(9)).toEqual(["LINK_PAUSED", "LINK_PAUSED", "LINK_PAUSED"]);
    expect(await t.db.controlQuestionAttempt.count({ where: { accountNumber: account.number } })).toBe(10);

    // A fifth customer with the right answer is refused too, and told until when.
    const fifth = await confirmedCustomer(t);
    const start = await as(t.app, fifth)("POST", "/api/accounts/link/start", {
      supplierId: MOS,
      accountNumber: account.number,
    });
    expect(errorOf(start)).toMatchObject({ code: "LINK_PAUSED", details: { attemptsLeft: 0 } });
    const right = await answer(fifth, account.number, rubles(bill.totalKopecks));
    expect(right.statusCode).toBe(429);
    // The pause lifts when the first of the ten wrong answers is a day old.
    expect(errorOf(right).details?.lockedUntil).toBe("2026-11-21T09:00:00.000Z");
    expect(await t.db.accountLink.count({ where: { userId: fifth.id } })).toBe(0);

    // The customer already linked heard of it once; their own access is untouched.
    const letters = await t.db.outboxMessage.findMany({ where: { to: owner.email, kind: "LINK_PAUSED" } });
    expect(letters).toHaveLength(1);
    expect(letters[0]?.text).toContain(`№ ${account.number}`);
    expect(letters[0]?.text).toContain("21.11.2026 12:00 (мск)");
    expect((await as(t.app, owner)("GET", `/api/accounts/${account.id}`)).statusCode).toBe(200);

    // A day later the right answer links it.
    clock.set("2026-11-21T09:00:10Z");
    expect((await answer(fifth, account.number, rubles(bill.totalKopecks))).statusCode).toBe(201);
    clock.set("2026-11-20T09:00:00Z");
  });

  it("a number that does not exist pauses after the same answers, so the pause reveals nothing", async () => {
    const sequence = async (number: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        const c = await confirmedCustomer(t);
        for (let k = 0; k < 4; k++) {
          const error = errorOf(await answer(c, number, `${5000 + k},0${i}`));
          out.push([error.code, error.details?.attemptsLeft]);
        }
      }
      return out;
    };
    expect(await sequence("7799000001")).toEqual(await sequence("7700000031"));
  });

  it("linking needs a confirmed e-mail or phone", async () => {
    const fresh = await registerCustomer(t.app);
    const start = await as(t.app, fresh)("POST", "/api/accounts/link/start", {
      supplierId: MOS,
      accountNumber: "7700000032",
    });
    expect(start.statusCode).toBe(403);
    expect(errorOf(start).code).toBe("CONTACT_NOT_CONFIRMED");
    expect(errorOf(await answer(fresh, "7700000032", "1,00")).code).toBe("CONTACT_NOT_CONFIRMED");
    expect(await t.db.controlQuestionAttempt.count({ where: { userId: fresh.id } })).toBe(0);
    // A confirmed phone is enough.
    await t.db.user.update({ where: { id: fresh.id }, data: { phone: "+79160000032", phoneConfirmedAt: new Date() } });
    expect(
      (await as(t.app, fresh)("POST", "/api/accounts/link/start", { supplierId: MOS, accountNumber: "7700000032" }))
        .statusCode,
    ).toBe(200);
  });
});

describe("4. a stolen access token does not carry the account away", () => {
  it("changing the e-mail needs the current password", async () => {
    const victim = await registerCustomer(t.app);
    const thief = as(t.app, victim);
    const none = await thief("POST", "/api/profile/contact-codes", { kind: "EMAIL", value: "thief@example.ru" });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).details?.fields).toEqual([{ path: "currentPassword", message: "Введите текущий пароль." }]);
    const wrong = await thief("POST", "/api/profile/contact-codes", {
      kind: "EMAIL",
      value: "thief@example.ru",
      currentPassword: "Guess-1234",
    });
    expect(errorOf(wrong).code).toBe("WRONG_PASSWORD");
    expect(await t.db.outboxMessage.count({ where: { to: "thief@example.ru" } })).toBe(0);
    const phone = await thief("POST", "/api/profile/contact-codes", { kind: "PHONE", value: "+79160001111" });
    expect(errorOf(phone).details?.fields?.[0]?.path).toBe("currentPassword");
  });

  it("guessing the current password there meets the sign-in delays", async () => {
    const victim = await registerCustomer(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await as(t.app, victim)("POST", "/api/profile/password", {
        currentPassword: `Guess-${i}-pass`,
        newPassword: "Thief-owns-1",
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429, 429]);
  });

  it("the previous address is told, with a link that puts it back and ends every session", async () => {
    const victim = await registerCustomer(t.app);
    const otherBrowser = await cookieOf(victim);
    const call = as(t.app, victim);
    await call("POST", "/api/profile/contact-codes", {
      kind: "EMAIL",
      value: "new-owner@example.ru",
      currentPassword: "Secret-123",
    });
    const code = (await lastMessageTo(t, "new-owner@example.ru"))?.text.match(/(\d{6})/)?.[1];
    expect((await call("POST", "/api/profile/contact-codes/confirm", { kind: "EMAIL", code })).statusCode).toBe(200);

    const notice = await lastMessageTo(t, victim.email);
    expect(notice).toMatchObject({ kind: "CONTACT_CHANGED", channel: "EMAIL" });
    expect(notice?.text).toContain("new-owner@example.ru");
    const token = notice?.text.match(/\/undo-contact-change\?token=([\w-]+)/)?.[1] as string;
    expect(token).toHaveLength(43);

    const undone = await undo(token);
    expect(undone.statusCode).toBe(200);
    const { passwordResetToken, ...back } = undone.json() as { passwordResetToken: string };
    expect(back).toEqual({ kind: "EMAIL", value: victim.email });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: victim.id } });
    expect(row.email).toBe(victim.email);
    expect(row.emailConfirmedAt).not.toBeNull();
    // Every session is over: the token in hand and any refresh cookie.
    expect((await call("GET", "/api/profile")).statusCode).toBe(401);
    expect((await refresh(otherBrowser)).statusCode).toBe(401);
    // Once only.
    const again = await undo(token);
    expect(again.statusCode).toBe(410);
    expect(errorOf(again).code).toBe("UNDO_LINK_INVALID");
    // The password, which whoever changed the address knew, no longer signs in; the owner sets a
    // new one with the token the answer carries, and signs in with the address they had.
    expect((await signIn(victim.email, "Secret-123")).statusCode).toBe(401);
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token: passwordResetToken, password: "Mine-again-1" },
    });
    expect(reset.statusCode).toBe(204);
    expect((await signIn(victim.email, "Mine-again-1")).statusCode).toBe(200);
  });

  it("the thief using the link he was sent for a later change does not void the owner's link, which undoes both changes", async () => {
    const victim = await registerCustomer(t.app);
    await t.db.user.update({ where: { id: victim.id }, data: { phone: "+79160006666", phoneConfirmedAt: new Date() } });
    const change = changeOf(victim);
    // The e-mail first (the owner's link goes to their mailbox), then the phone (its link to the
    // e-mail as it is now: the thief's).
    await change("EMAIL", "thief3@example.ru");
    const ownerToken = (await lastMessageTo(t, victim.email))?.text.match(/token=([\w-]+)/)?.[1] as string;
    await change("PHONE", "+79160007777");
    const thiefToken = (await lastMessageTo(t, "thief3@example.ru"))?.text.match(/token=([\w-]+)/)?.[1] as string;

    expect((await undo(thiefToken)).statusCode).toBe(200);
    const owners = await undo(ownerToken);
    expect(owners.statusCode).toBe(200);
    expect(owners.json()).toMatchObject({ kind: "EMAIL", value: victim.email });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: victim.id } });
    expect(user.email).toBe(victim.email);
    expect(user.phone).toBe("+79160006666");
    // The thief's link is spent with the owner's, and the password he knew is over.
    expect(errorOf(await undo(thiefToken)).code).toBe("UNDO_LINK_INVALID");
    expect((await signIn("thief3@example.ru", "Secret-123")).statusCode).toBe(401);
    expect((await signIn(victim.email, "Secret-123")).statusCode).toBe(401);
  });

  it("whoever has the previous number (never proved, or a SIM the owner lost) gets no link that ends in a new password", async () => {
    const victim = await registerCustomer(t.app);
    await t.db.user.update({ where: { id: victim.id }, data: { phone: "+79160008888", phoneConfirmedAt: null } });
    await changeOf(victim)("PHONE", "+79160009999");
    const sms = await lastMessageTo(t, "+79160008888");
    expect(sms).toMatchObject({ kind: "CONTACT_CHANGED", channel: "SMS" });
    expect(sms?.text).toContain("по ссылке из письма на e-mail учётной записи");
    expect(sms?.text).not.toMatch(/token=|undo-contact-change/);
  });

  it("a phone change is told to the e-mail and to the previous phone, the link only in the letter; the thief's own undo links die with the owner's", async () => {
    const victim = await registerCustomer(t.app);
    await t.db.user.update({ where: { id: victim.id }, data: { phone: "+79160002222", phoneConfirmedAt: new Date() } });
    const change = changeOf(victim);
    await change("PHONE", "+79160003333");
    const sms = await lastMessageTo(t, "+79160002222");
    const mail = await lastMessageTo(t, victim.email);
    expect(sms).toMatchObject({ kind: "CONTACT_CHANGED", channel: "SMS" });
    expect(mail).toMatchObject({ kind: "CONTACT_CHANGED", channel: "EMAIL" });
    // The link is in the letter only: whoever has the previous number now gets none.
    expect(sms?.text).not.toMatch(/token=/);
    const ownerToken = mail?.text.match(/token=([\w-]+)/)?.[1] as string;
    // The thief moves the e-mail too (its undo link goes to the victim's mailbox) and back (to theirs).
    await change("EMAIL", "thief@example.ru");
    await change("EMAIL", "thief2@example.ru");
    const thiefToken = (await lastMessageTo(t, "thief@example.ru"))?.text.match(/token=([\w-]+)/)?.[1] as string;

    expect((await undo(ownerToken)).json()).toMatchObject({ kind: "PHONE", value: "+79160002222" });
    // The owner's link of the first change undoes the thief's later ones too, the e-mail included.
    const user = await t.db.user.findUniqueOrThrow({ where: { id: victim.id } });
    expect(user.phone).toBe("+79160002222");
    expect(user.email).toBe(victim.email);
    expect(errorOf(await undo(thiefToken)).code).toBe("UNDO_LINK_INVALID");
  });
});

describe("5. a replayed refresh cookie does not fork the session", () => {
  it("within the grace the replay gets the same successor, and no second chain is made", async () => {
    const c = await registerCustomer(t.app);
    const stolen = await cookieOf(c);
    const owner = await refresh(stolen);
    clock.advance(5_000);
    const replay = await refresh(stolen);
    expect(replay.statusCode).toBe(200);
    expect(refreshCookieFrom(replay)).toBe(refreshCookieFrom(owner));
    const family = await t.db.refreshSession.findUniqueOrThrow({ where: { tokenHash: hashRefreshToken(stolen) } });
    expect(await t.db.refreshSession.count({ where: { familyId: family.familyId } })).toBe(2);

    // The owner changes the password: the copy the thief holds is over too.
    const changed = await as(t.app, { ...c, token: owner.json().accessToken })("POST", "/api/profile/password", {
      currentPassword: "Secret-123",
      newPassword: "Brand-new-2",
    });
    expect(changed.statusCode).toBe(200);
    expect((await refresh(refreshCookieFrom(replay) as string)).statusCode).toBe(401);
    expect((await refresh(refreshCookieFrom(changed) as string)).statusCode).toBe(200);
  });

  it("parallel refreshes with one cookie all get the same successor", async () => {
    const c = await registerCustomer(t.app);
    const cookie = await cookieOf(c);
    const answers = await Promise.all(Array.from({ length: 6 }, () => refresh(cookie)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
    expect(new Set(answers.map((a) => refreshCookieFrom(a))).size).toBe(1);
    const family = await t.db.refreshSession.findUniqueOrThrow({ where: { tokenHash: hashRefreshToken(cookie) } });
    expect(await t.db.refreshSession.count({ where: { familyId: family.familyId } })).toBe(2);
  });

  it("after the grace a replay ends the whole family", async () => {
    const c = await registerCustomer(t.app);
    const stolen = await cookieOf(c);
    const owner = await refresh(stolen);
    clock.advance(11_000);
    expect((await refresh(stolen)).statusCode).toBe(401);
    expect((await refresh(refreshCookieFrom(owner) as string)).statusCode).toBe(401);
  });
});

describe("6. the sign-in delays cannot be held over a customer or raced", () => {
  it("guessers from many addresses do not keep the customer out at home; a reset lets them in anywhere", async () => {
    const victim = await registerCustomer(t.app);
    expect((await signIn(victim.email, "Secret-123", "192.168.7.7")).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await signIn(victim.email, `Guess-${i}-x`, `10.6.0.${i}`)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
    // Home: let in. A new address: waits (a delay, not a lock: it says how long).
    expect((await signIn(victim.email, "Secret-123", "192.168.7.7")).statusCode).toBe(200);
    const away = await signIn(victim.email, "Secret-123", "172.16.0.9");
    expect(away.statusCode).toBe(429);
    expect(Number(away.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(away.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
    // A password reset lifts it.
    await t.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email: victim.email } });
    const link = (await lastMessageTo(t, victim.email))?.text.match(/token=([\w-]+)/)?.[1];
    clock.advance(1_000);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token: link, password: "After-reset-1" },
    });
    expect((await signIn(victim.email, "After-reset-1", "172.16.0.9")).statusCode).toBe(200);
  });

  it("twenty parallel guesses from twenty addresses: ten are checked, ten wait", async () => {
    const victim = await registerCustomer(t.app);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(victim.email, `Guess-${i}-y`, `10.7.0.${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
    expect(await t.db.signInAttempt.count({ where: { userId: victim.id } })).toBe(10);
  });

  it("the e-mail and the phone of one customer share one count", async () => {
    const victim = await registerCustomer(t.app);
    await t.db.user.update({ where: { id: victim.id }, data: { phone: "+79160004444" } });
    for (let i = 0; i < 5; i++) await signIn(victim.email, `Guess-${i}-z`, "10.8.0.1");
    expect((await signIn("+7 916 000-44-44", "Guess-9-z", "10.8.0.1")).statusCode).toBe(429);
  });
});
