import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../lib/clock.ts";
import { as, confirmedCustomer, createTestApp, type TestApp } from "../test/test-app.ts";

// Brute force against the three doors a guesser would try. The limits are the defaults (the
// per-address limits apply to everyone behind one address; the per-target locks to one target).
const clock = fixedClock("2026-11-20T09:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { RATE_LIMIT_AUTH_PER_MINUTE: "20" } });
});
afterAll(() => t.close());

const answerGuess = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((k) => `${Math.trunc(k / 100)},${String(k % 100).padStart(2, "0")}`),
  fc.stringMatching(/^[0-9A-Z]{6,12}$/),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
);

/**
 * An answer to Мосэнергосбыт's control question, with `token`, from `remoteAddress` (the test
 * app's default address when absent); a wrong bill total unless the body says otherwise.
 */
function answerAs(
  token: string | undefined,
  body: { accountNumber: string; question?: string; answer?: string },
  remoteAddress?: string,
) {
  return t.app.inject({
    method: "POST",
    url: "/api/accounts/link/confirm",
    headers: { authorization: `Bearer ${token}` },
    payload: { supplierId: "mosenergosbyt", question: "BILL_TOTAL", answer: "1,00", ...body },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

/** The n-th number of a range nobody has. */
const unknownNumber = (n: number) => `77${String(n).padStart(8, "0")}`;

describe("random guessing cannot link an account", () => {
  it("a guesser gets 5 tries at one account, then nothing, not even the right answer, for 24 hours", async () => {
    const account = await t.db.personalAccount.findFirstOrThrow({ where: { number: "7700000020" } });
    const bill = await t.db.bill.findFirstOrThrow({ where: { accountId: account.id }, orderBy: { period: "desc" } });
    const guesser = await confirmedCustomer(t);
    const call = as(t.app, guesser);
    const guesses = fc.sample(fc.tuple(fc.constantFrom("BILL_TOTAL", "METER_SERIAL", "LAST_PAYMENT"), answerGuess), {
      numRuns: 20,
      seed: 42,
    });
    const answers: number[] = [];
    for (const [question, answer] of guesses) {
      const res = await call("POST", "/api/accounts/link/confirm", {
        supplierId: "mosenergosbyt",
        accountNumber: account.number,
        question,
        answer,
      });
      answers.push(res.statusCode);
      clock.advance(3_000);
    }
    // 4 wrong answers, the 5th locks; every later one is refused without being checked.
    expect(answers.slice(0, 4).every((s) => s === 422)).toBe(true);
    expect(answers.slice(4).every((s) => s === 429)).toBe(true);
    const right = `${Math.trunc(bill.totalKopecks / 100)},${String(Math.abs(bill.totalKopecks) % 100).padStart(2, "0")}`;
    const withRight = await call("POST", "/api/accounts/link/confirm", {
      supplierId: "mosenergosbyt",
      accountNumber: account.number,
      question: "BILL_TOTAL",
      answer: right,
    });
    expect(withRight.json().error.code).toBe("LINK_LOCKED");
    expect(await t.db.accountLink.count({ where: { userId: guesser.id } })).toBe(0);
    expect(await t.db.controlQuestionAttempt.count({ where: { userId: guesser.id } })).toBe(5);
  });

  it("sweeping many numbers from one address runs into the per-address limit (30 answers a minute)", async () => {
    const sweeper = await confirmedCustomer(t);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await answerAs(sweeper.token, { accountNumber: unknownNumber(10_000 + i) })).statusCode);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(await t.db.accountLink.count({ where: { userId: sweeper.id } })).toBe(0);
  });

  it("an IPv6 client is one client for the per-address limit, whichever address of its /64 it answers from", async () => {
    const customers = await Promise.all([0, 1].map(() => confirmedCustomer(t)));
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const address = `2001:db8:77:1:${(i + 1).toString(16)}::${i + 7}`;
      const res = await answerAs(customers[i % 2]?.token, { accountNumber: unknownNumber(30_000 + i) }, address);
      statuses.push(res.statusCode);
    }
    // 30 answers a minute from the /64, then refused: a fresh address in it is no fresh budget.
    expect(statuses.slice(0, 30).every((s) => s === 422)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another /64 is another client.
    const other = await answerAs(customers[0]?.token, { accountNumber: "7700040000" }, "2001:db8:77:2::1");
    expect(other.statusCode).toBe(422);
  });

  it("sweeping slowly, one likely answer per number, stops after 20 wrong answers a day over all numbers", async () => {
    const sweeper = await confirmedCustomer(t);
    // From an address of its own: the previous test used this minute's answers of the default one.
    const address = "10.20.0.1";
    const codes: string[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await answerAs(
        sweeper.token,
        { accountNumber: unknownNumber(20_000 + i), question: "LAST_PAYMENT", answer: "1000,00" },
        address,
      );
      codes.push(res.json().error.code);
      clock.advance(5_000);
    }
    // Under the per-address limit and one answer per number: only the budget over all numbers holds.
    expect(codes.slice(0, 19).every((c) => c === "WRONG_ANSWER")).toBe(true);
    expect(codes.slice(19)).toEqual(Array(6).fill("LINK_DAILY_LIMIT"));
    expect(await t.db.controlQuestionAttempt.count({ where: { userId: sweeper.id } })).toBe(20);
    // Not even a right answer for a real account is checked until the first one leaves the window.
    const account = await t.db.personalAccount.findFirstOrThrow({ where: { number: "7700000021" } });
    const bill = await t.db.bill.findFirstOrThrow({ where: { accountId: account.id }, orderBy: { period: "desc" } });
    const answer = `${Math.trunc(bill.totalKopecks / 100)},${String(Math.abs(bill.totalKopecks) % 100).padStart(2, "0")}`;
    const right = await answerAs(sweeper.token, { accountNumber: account.number, answer }, address);
    expect(right.statusCode).toBe(429);
    expect(right.json().error).toMatchObject({ code: "LINK_DAILY_LIMIT" });
    expect(await t.db.accountLink.count({ where: { userId: sweeper.id } })).toBe(0);
  });
});

describe("sign-in", () => {
  it("after 10 failures for one login in 15 minutes, even the right password waits", async () => {
    const victim = await confirmedCustomer(t);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { login: victim.email, password: `Wrong-${i}-pass` },
        remoteAddress: `10.0.0.${i + 1}`, // from many addresses: the per-login limit still holds
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const right = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { login: victim.email, password: "Secret-123" },
      remoteAddress: "10.0.1.1",
    });
    expect(right.statusCode).toBe(429);
    expect(right.headers["retry-after"]).toBeDefined();
  });

  it("an IPv6 guesser is one address for the sign-in delays, whichever address of its /64 it uses; the owner's /64 stays known", async () => {
    const victim = await confirmedCustomer(t);
    const signIn = (password: string, remoteAddress: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { login: victim.email, password },
        remoteAddress,
      });
    // The owner signed in from home yesterday, from one address of their /64.
    expect((await signIn("Secret-123", "2001:db8:aa:1::10")).statusCode).toBe(200);
    clock.advance(60 * 60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await signIn(`Wrong-${i}-pass`, `2001:db8:bad:1:${i + 1}::1`)).statusCode);
    }
    // 5 free failures for the /64, then a wait, though each came from a fresh address.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // The owner, today on another address of the same home /64, is still "known".
    expect((await signIn("Secret-123", "2001:db8:aa:1::beef")).statusCode).toBe(200);
  });

  it("one address gets 20 sign-in requests a minute, whoever it tries", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { login: `someone${i}@example.ru`, password: "Guess-1234" },
        remoteAddress: "10.9.9.9",
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });
});

describe("password reset", () => {
  it("at most 3 links an hour to one address, and the same answer for every request", async () => {
    const victim = await confirmedCustomer(t);
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/password-reset",
        payload: { email: victim.email },
        remoteAddress: `10.1.0.${i + 1}`,
      });
      expect(res.statusCode).toBe(204);
    }
    expect(await t.db.outboxMessage.count({ where: { to: victim.email, kind: "PASSWORD_RESET" } })).toBe(3);
  });

  it("guessing reset tokens finds nothing and runs into the per-address limit", async () => {
    const tokens = fc.sample(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), { numRuns: 25, seed: 7 });
    const statuses: number[] = [];
    for (const token of tokens) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/password-reset/confirm",
        payload: { token, password: "Brand-new-2" },
        remoteAddress: "10.2.2.2",
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 410)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
  });
});
