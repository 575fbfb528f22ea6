import { ErrorBody } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import {
  as,
  confirmedCustomer,
  createTestApp,
  endSession,
  statementsDuring,
  type TestApp,
} from "../../test/test-app.ts";

const clock = fixedClock("2026-11-20T09:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { RATE_LIMIT_ANSWERS_PER_MINUTE: "10000" } });
});
afterAll(() => t.close());

const MOS = "mosenergosbyt";

/** The right answers, read from what the supplier holds. */
async function evidence(number: string) {
  const account = await t.db.personalAccount.findFirstOrThrow({ where: { number } });
  const bill = await t.db.bill.findFirstOrThrow({ where: { accountId: account.id }, orderBy: { period: "desc" } });
  const oldBill = await t.db.bill.findFirstOrThrow({ where: { accountId: account.id }, orderBy: { period: "asc" } });
  const meter = await t.db.meter.findFirstOrThrow({ where: { accountId: account.id } });
  const payment = await t.db.payment.findFirstOrThrow({
    where: { accountId: account.id, status: "ACCEPTED" },
    orderBy: { paidAt: "desc" },
  });
  return { account, bill, oldBill, meter, payment };
}

const rubles = (kopecks: number, sep = ",") =>
  `${Math.trunc(Math.abs(kopecks) / 100)}${sep}${String(Math.abs(kopecks) % 100).padStart(2, "0")}`;

describe("«Подключить»", () => {
  it("offers the supplier's questions and the attempts left", async () => {
    const c = await confirmedCustomer(t);
    const res = await as(t.app, c)("POST", "/api/accounts/link/start", {
      supplierId: MOS,
      accountNumber: "77 0000 0001",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ supplierId: MOS, accountNumber: "7700000001", attemptsLeft: 5 });
    expect(res.json().questions.map((q: { kind: string }) => q.kind)).toEqual([
      "BILL_TOTAL",
      "METER_SERIAL",
      "LAST_PAYMENT",
    ]);
    expect(res.json().questions[0].text).toContain("«Итого по счёту» или «Итого переплата»");
  });

  it("answers the same for a number that does not exist", async () => {
    const c = await confirmedCustomer(t);
    const known = await as(t.app, c)("POST", "/api/accounts/link/start", {
      supplierId: MOS,
      accountNumber: "7700000001",
    });
    const unknown = await as(t.app, c)("POST", "/api/accounts/link/start", {
      supplierId: MOS,
      accountNumber: "7799999999",
    });
    expect(unknown.statusCode).toBe(200);
    expect({ ...unknown.json(), accountNumber: "x" }).toEqual({ ...known.json(), accountNumber: "x" });
  });

  it.each([
    ["mosenergosbyt", "123", "Номер лицевого счёта Мосэнергосбыт: 10 цифр, например 7700000000."],
    ["tns-yaroslavl", "7700000001", "Номер лицевого счёта ТНС энерго Ярославль: 12 цифр, например 760000000000."],
    [
      "petroelektrosbyt",
      "078000006",
      "Номер лицевого счёта Петроэлектросбыт: 3 цифры, дефис и 6 цифр, например 078-000000.",
    ],
  ])("checks the %s number format", async (supplierId, accountNumber, message) => {
    const c = await confirmedCustomer(t);
    const res = await as(t.app, c)("POST", "/api/accounts/link/start", { supplierId, accountNumber });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([{ path: "accountNumber", message }]);
  });

  it("names an unknown supplier", async () => {
    const c = await confirmedCustomer(t);
    const res = await as(t.app, c)("POST", "/api/accounts/link/start", { supplierId: "nope", accountNumber: "1" });
    expect(res.json().error.details.fields[0].path).toBe("supplierId");
  });
});

describe("«Подтвердить»", () => {
  it.each([",", ".", " "])("links with the bill total of a recent bill (kopecks after %j), as primary", async (sep) => {
    const c = await confirmedCustomer(t);
    const { account, bill } = await evidence("7700000001");
    const answer =
      sep === " " ? `${rubles(bill.totalKopecks).replace(/^(\d)(\d{3}),/, "$1 $2,")}` : rubles(bill.totalKopecks, sep);
    const res = await as(t.app, c)("POST", "/api/accounts/link/confirm", {
      supplierId: MOS,
      accountNumber: "7700000001",
      question: "BILL_TOTAL",
      answer,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().account).toMatchObject({ id: account.id, number: "7700000001", isPrimary: true });
    const link = await t.db.accountLink.findUniqueOrThrow({
      where: { userId_accountId: { userId: c.id, accountId: account.id } },
    });
    expect(link.isPrimary).toBe(true);
    const attempts = await t.db.controlQuestionAttempt.findMany({ where: { userId: c.id } });
    expect(attempts).toMatchObject([{ success: true, accountId: account.id, question: "BILL_TOTAL" }]);
  });

  it("links by the meter serial and by the last payment", async () => {
    const c = await confirmedCustomer(t);
    const two = await evidence("7700000002");
    const three = await evidence("7700000003");
    const call = as(t.app, c);
    const bySerial = await call("POST", "/api/accounts/link/confirm", {
      supplierId: MOS,
      accountNumber: "7700000002",
      question: "METER_SERIAL",
      answer: ` ${two.meter.serialNumber} `,
    });
    expect(bySerial.statusCode).toBe(201);
    const byPayment = await call("POST", "/api/accounts/link/confirm", {
      supplierId: MOS,
      accountNumber: "7700000003",
      question: "LAST_PAYMENT",
      answer: rubles(three.payment.amountKopecks),
    });
    expect(byPayment.statusCode).toBe(201);
    // The second account linked is not primary.
    expect(byPayment.json().account.isPrimary).toBe(false);
    const list = await call("GET", "/api/accounts");
    expect(list.json().accounts.map((a: { number: string }) => a.number)).toEqual(["7700000002", "7700000003"]);
  });

  it("refuses a bill older than 6 months and says how many attempts are left, recording the attempt", async () => {
    const c = await confirmedCustomer(t);
    const { oldBill } = await evidence("7700000004");
    const res = await as(t.app, c)("POST", "/api/accounts/link/confirm", {
      supplierId: MOS,
      accountNumber: "7700000004",
      question: "BILL_TOTAL",
      answer: rubles(oldBill.totalKopecks),
    });
    expect(res.statusCode).toBe(422);
    expect(ErrorBody.parse(res.json()).error).toEqual({
      code: "WRONG_ANSWER",
      message: "Ответ неверный. Осталось попыток: 4.",
      details: { attemptsLeft: 4 },
    });
    expect(res.body).not.toContain(rubles(oldBill.totalKopecks));
    expect(await t.db.controlQuestionAttempt.count({ where: { userId: c.id, success: false } })).toBe(1);
    expect(await t.db.accountLink.count({ where: { userId: c.id } })).toBe(0);
  });

  it("an unknown number fails exactly like a wrong answer", async () => {
    const c = await confirmedCustomer(t);
    const call = as(t.app, c);
    const wrong = await call("POST", "/api/accounts/link/confirm", {
      supplierId: MOS,
      accountNumber: "7700000005",
      question: "BILL_TOTAL",
      answer: "1,00",
    });
    const unknown = await call("POST", "/api/accounts/link/confirm", {
      supplierId: MOS,
      accountNumber: "7799999999",
      question: "BILL_TOTAL",
      answer: "1,00",
    });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([422, 422]);
    expect(unknown.json()).toEqual(wrong.json());
    const recorded = await t.db.controlQuestionAttempt.findFirstOrThrow({
      where: { userId: c.id, accountNumber: "7799999999" },
    });
    expect(recorded).toMatchObject({ accountId: null, success: false });
  });

  it("refuses a question the supplier does not offer", async () => {
    const c = await confirmedCustomer(t);
    const res = await as(t.app, c)("POST", "/api/accounts/link/confirm", {
      supplierId: "petroelektrosbyt",
      accountNumber: "078-000006",
      question: "METER_SERIAL",
      answer: "123",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe("question");
  });

  it("locks after 5 wrong answers for 24 hours, then lets the customer try again", async () => {
    const c = await confirmedCustomer(t);
    const call = as(t.app, c);
    const { bill } = await evidence("7700000010");
    const confirm = (answer: string) =>
      call("POST", "/api/accounts/link/confirm", {
        supplierId: MOS,
        accountNumber: "7700000010",
        question: "BILL_TOTAL",
        answer,
      });
    const firstAt = clock.now();
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await confirm("1,00")).statusCode);
      clock.advance(60_000);
    }
    expect(statuses).toEqual([422, 422, 422, 422, 429]);
    const locked = await confirm(rubles(bill.totalKopecks));
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("LINK_LOCKED");
    expect(locked.json().error.details.lockedUntil).toBe(new Date(firstAt.getTime() + 86_400_000).toISOString());
    const start = await call("POST", "/api/accounts/link/start", { supplierId: MOS, accountNumber: "7700000010" });
    expect(start.json().error.code).toBe("LINK_LOCKED");
    // The lock is per user: another customer may still link the same account.
    const other = await confirmedCustomer(t);
    const otherStart = await as(t.app, other)("POST", "/api/accounts/link/start", {
      supplierId: MOS,
      accountNumber: "7700000010",
    });
    expect(otherStart.json().attemptsLeft).toBe(5);

    clock.set(new Date(firstAt.getTime() + 86_400_000 + 1000));
    expect((await confirm(rubles(bill.totalKopecks))).statusCode).toBe(201);
    // Only the five wrong answers and the success were recorded, not the refused ones.
    expect(await t.db.controlQuestionAttempt.count({ where: { userId: c.id } })).toBe(6);
  });

  it("parallel guesses cannot exceed the limit", async () => {
    const c = await confirmedCustomer(t);
    const call = as(t.app, c);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call("POST", "/api/accounts/link/confirm", {
          supplierId: MOS,
          accountNumber: "7700000011",
          question: "BILL_TOTAL",
          answer: `${i},00`,
        }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 422)).toHaveLength(4);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(8);
    expect(await t.db.controlQuestionAttempt.count({ where: { userId: c.id } })).toBe(5);
  });

  it("says an account is already linked, and lets a family member link it with their own proof", async () => {
    const c = await confirmedCustomer(t);
    const { bill } = await evidence("7700000012");
    const body = {
      supplierId: MOS,
      accountNumber: "7700000012",
      question: "BILL_TOTAL",
      answer: rubles(bill.totalKopecks),
    };
    expect((await as(t.app, c)("POST", "/api/accounts/link/confirm", body)).statusCode).toBe(201);
    const again = await as(t.app, c)("POST", "/api/accounts/link/start", {
      supplierId: MOS,
      accountNumber: "7700000012",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ACCOUNT_ALREADY_LINKED");
    expect((await as(t.app, c)("POST", "/api/accounts/link/confirm", body)).json().error.code).toBe(
      "ACCOUNT_ALREADY_LINKED",
    );

    expect(await t.db.outboxMessage.count({ where: { to: c.email, kind: "ACCOUNT_LINKED" } })).toBe(0);
    const family = await confirmedCustomer(t);
    expect((await as(t.app, family)("POST", "/api/accounts/link/confirm", body)).statusCode).toBe(201);
    expect(await t.db.accountLink.count({ where: { account: { number: "7700000012" } } })).toBe(2);
    // The customer who had it hears of the new link (a stranger who guessed could not read it unnoticed).
    const told = await t.db.outboxMessage.findMany({ where: { kind: "ACCOUNT_LINKED", to: c.email } });
    expect(told).toHaveLength(1);
    expect(await t.db.outboxMessage.count({ where: { kind: "ACCOUNT_LINKED", to: family.email } })).toBe(0);
    expect(told[0]?.subject).toBe("Лицевой счёт № 7700000012 подключён к ещё одной учётной записи");
    expect(told[0]?.text).toMatch(
      /^Здравствуйте!\n\n\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \(мск\) лицевой счёт № 7700000012 подключили/,
    );
  });
});

describe("«Подтвердить» does only the work it must (issue 18)", () => {
  it("takes six statements (the shared limit's one among them), the same for a right answer, a wrong one and an unknown number", async () => {
    const c = await confirmedCustomer(t);
    const { account, bill } = await evidence("7700000020");
    const call = as(t.app, c);
    const answer = (accountNumber: string, text: string) =>
      call("POST", "/api/accounts/link/confirm", {
        supplierId: MOS,
        accountNumber,
        question: "BILL_TOTAL",
        answer: text,
      });
    const codes: (string | number)[] = [];
    const counts = [
      await statementsDuring(t, async () => codes.push((await answer("7700000020", "1,23")).json().error.code)),
      await statementsDuring(t, async () => codes.push((await answer("7799000020", "1,23")).json().error.code)),
      await statementsDuring(t, async () =>
        codes.push((await answer("7700000020", rubles(bill.totalKopecks))).statusCode),
      ),
    ];
    expect(codes).toEqual(["WRONG_ANSWER", "WRONG_ANSWER", 201]);
    // Before issue 18: 12, 12 and 14.
    expect(counts).toEqual([6, 6, 6]);
    const attempts = await t.db.controlQuestionAttempt.findMany({ where: { userId: c.id }, orderBy: { id: "asc" } });
    expect(attempts.map((a) => [a.accountNumber, a.accountId, a.success])).toEqual([
      ["7700000020", account.id, false],
      ["7799000020", null, false],
      ["7700000020", account.id, true],
    ]);
    expect(
      await t.db.accountLink.findMany({ where: { userId: c.id }, select: { accountId: true, isPrimary: true } }),
    ).toEqual([{ accountId: account.id, isPrimary: true }]);
  });

  it("answers 401 once the session has ended, and records nothing", async () => {
    const c = await confirmedCustomer(t);
    const { bill } = await evidence("7700000021");
    await endSession(t, c);
    const res = await as(t.app, c)("POST", "/api/accounts/link/confirm", {
      supplierId: MOS,
      accountNumber: "7700000021",
      question: "BILL_TOTAL",
      answer: rubles(bill.totalKopecks),
    });
    expect(res.statusCode).toBe(401);
    expect(await t.db.controlQuestionAttempt.count({ where: { userId: c.id } })).toBe(0);
    expect(await t.db.accountLink.count({ where: { userId: c.id } })).toBe(0);
  });
});
