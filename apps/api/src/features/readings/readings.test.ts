import { randomUUID } from "node:crypto";
import { ReadingsState, SubmitReadingResult } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import {
  as,
  createTestApp,
  endSession,
  registerCustomer,
  statementsDuring,
  type TestApp,
} from "../../test/test-app.ts";

// The process runs in America/Los_Angeles (vitest.config.ts); the window follows Moscow regardless.
const MSK = (local: string) => new Date(`${local}+03:00`);
const clock = fixedClock(MSK("2026-11-20T12:00:00"));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { RATE_LIMIT_READINGS_PER_MINUTE: "10000" } });
});
afterAll(() => t.close());

async function customerWith(number: string) {
  const c = await registerCustomer(t.app);
  const account = await t.db.personalAccount.findFirstOrThrow({ where: { number } });
  await t.db.accountLink.create({ data: { userId: c.id, accountId: account.id, isPrimary: true } });
  const meter = await t.db.meter.findFirstOrThrow({
    where: { accountId: account.id },
    orderBy: { serialNumber: "asc" },
  });
  return { c, account, meter, call: as(t.app, c) };
}

async function state(call: ReturnType<typeof as>, accountId: string) {
  const res = await call("GET", `/api/accounts/${accountId}/readings/state`);
  expect(res.statusCode).toBe(200);
  return ReadingsState.parse(res.json());
}

/** The previous value plus some kWh, written with the meter's own decimal places. */
const plus = (value: string, kwh: number) => (Number(value) + kwh).toFixed(value.split(".")[1]?.length ?? 0);

describe("the reading window", () => {
  it.each([
    ["2026-11-14T23:59:00", false, "2026-11-15", null],
    ["2026-11-15T00:00:00", true, "2026-11-15", 12],
    ["2026-11-26T23:59:00", true, "2026-11-15", 1],
    ["2026-11-27T00:00:00", false, "2026-12-15", null],
  ])("at %s Moscow time it is open: %s", async (moscow, open, from, daysLeft) => {
    const { account, call } = await customerWith("7700000000");
    clock.set(MSK(moscow));
    const s = await state(call, account.id);
    expect(s.window).toMatchObject({ open, from, daysLeft });
    expect(s.meters[0]?.accepts).toBe(open);
    expect(s.meters[0]?.refusal?.code ?? null).toBe(open ? null : "WINDOW_CLOSED");
  });

  it("refuses a submission at 00:00 on the 27th and stores nothing", async () => {
    const { account, meter, call } = await customerWith("7700000000");
    clock.set(MSK("2026-11-26T12:00:00"));
    const previous = (await state(call, account.id)).meters[0]?.previous?.values[0]?.value ?? "0";
    clock.set(MSK("2026-11-27T00:00:00"));
    const res = await call("POST", `/api/accounts/${account.id}/meters/${meter.id}/readings`, {
      idempotencyKey: randomUUID(),
      values: { T1: plus(previous, 100) },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "WINDOW_CLOSED",
      message: expect.stringContaining("15.12.2026 – 26.12.2026"),
    });
    expect(
      await t.db.reading.count({ where: { meterId: meter.id, source: "CUSTOMER", submittedById: { not: null } } }),
    ).toBe(0);
  });
});

describe("«Передать»", () => {
  it("saves the reading and answers with the consumption and its cost at today's rate", async () => {
    clock.set(MSK("2026-11-20T12:00:00"));
    const { c, account, meter, call } = await customerWith("7700000000");
    const s = await state(call, account.id);
    const previous = s.meters[0]?.previous?.values[0]?.value ?? "0";
    const rate = s.meters[0]?.rates[0]?.rateKopecks ?? 0;
    const res = await call("POST", `/api/accounts/${account.id}/meters/${meter.id}/readings`, {
      idempotencyKey: randomUUID(),
      values: { T1: plus(previous, 150).replace(".", ",") },
    });
    expect(res.statusCode).toBe(201);
    const result = SubmitReadingResult.parse(res.json());
    expect(result.consumption).toEqual([{ zone: "T1", kwh: "150.000", rateKopecks: rate, costKopecks: 150 * rate }]);
    expect(result.totalCostKopecks).toBe(150 * rate);
    const row = await t.db.reading.findUniqueOrThrow({ where: { id: result.reading.id } });
    expect(row).toMatchObject({ source: "CUSTOMER", status: "ACTIVE", submittedById: c.id });
    expect(Number(row.t1)).toBeCloseTo(Number(previous) + 150, 3);
    expect((await state(call, account.id)).meters[0]?.submittedThisWindow?.id).toBe(result.reading.id);
  });

  it("refuses a value below the last one, naming the zone, and stores nothing", async () => {
    clock.set(MSK("2026-11-20T12:00:00"));
    const { account, meter, call } = await customerWith("7700000020");
    const previous = (await state(call, account.id)).meters[0]?.previous?.values[0]?.value ?? "0";
    const before = await t.db.reading.count({ where: { meterId: meter.id } });
    const res = await call("POST", `/api/accounts/${account.id}/meters/${meter.id}/readings`, {
      idempotencyKey: randomUUID(),
      values: { T1: plus(previous, -10) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      {
        path: "values.T1",
        message: expect.stringMatching(/^Показание меньше предыдущего \(\d+(,\d+)?\)\. Проверьте цифры\.$/),
      },
    ]);
    expect(await t.db.reading.count({ where: { meterId: meter.id } })).toBe(before);
  });

  it.each([
    ["7700000003", "METER_AUTOMATED", /АСКУЭ/],
    ["7700000004", "METER_FAULTY", /неисправен/],
  ])("account %s's meter refuses with %s", async (number, code, message) => {
    clock.set(MSK("2026-11-20T12:00:00"));
    const { account, meter, call } = await customerWith(number);
    const s = await state(call, account.id);
    expect(s.meters[0]).toMatchObject({ accepts: false, refusal: { code, message: expect.stringMatching(message) } });
    const res = await call("POST", `/api/accounts/${account.id}/meters/${meter.id}/readings`, {
      idempotencyKey: randomUUID(),
      values: { T1: "1" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe(code);
  });

  it("a second submission in the window replaces the first; the history keeps both, marked", async () => {
    clock.set(MSK("2026-11-18T10:00:00"));
    const { account, meter, call } = await customerWith("7700000021");
    const previous = (await state(call, account.id)).meters[0]?.previous?.values[0]?.value ?? "0";
    const url = `/api/accounts/${account.id}/meters/${meter.id}/readings`;
    const first = await call("POST", url, { idempotencyKey: randomUUID(), values: { T1: plus(previous, 100) } });
    clock.set(MSK("2026-11-19T10:00:00"));
    const second = await call("POST", url, { idempotencyKey: randomUUID(), values: { T1: plus(previous, 120) } });
    expect(second.statusCode).toBe(201);
    expect(second.json().replacedPrevious).toBe(true);
    expect(second.json().consumption[0].kwh).toBe("120.000");
    const history = await call("GET", `/api/accounts/${account.id}/readings?from=2026-11-18&to=2026-11-19`);
    expect(history.json().readings.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [second.json().reading.id, "ACTIVE"],
      [first.json().reading.id, "REPLACED"],
    ]);
  });

  it("a retried request with the same idempotency key creates nothing new, even ten at once", async () => {
    clock.set(MSK("2026-11-20T12:00:00"));
    const { account, meter, call } = await customerWith("7700000025");
    const previous = (await state(call, account.id)).meters[0]?.previous?.values[0]?.value ?? "0";
    const body = { idempotencyKey: randomUUID(), values: { T1: plus(previous, 90) } };
    const url = `/api/accounts/${account.id}/meters/${meter.id}/readings`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => call("POST", url, body)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.json().reading.id)).size).toBe(1);
    expect(await t.db.reading.count({ where: { meterId: meter.id, idempotencyKey: body.idempotencyKey } })).toBe(1);
    expect(await t.db.reading.count({ where: { meterId: meter.id, status: "REPLACED" } })).toBe(0);
  });

  it("asks to confirm a rollover past the capacity, then counts across zero", async () => {
    clock.set(MSK("2026-11-20T12:00:00"));
    const { account, meter, call } = await customerWith("7700000012");
    const capacity = 10 ** meter.digitCapacity;
    await t.db.reading.create({
      data: { meterId: meter.id, takenAt: MSK("2026-10-25T12:00:00"), source: "CUSTOMER", t1: String(capacity - 50) },
    });
    const url = `/api/accounts/${account.id}/meters/${meter.id}/readings`;
    const body = { idempotencyKey: randomUUID(), values: { T1: "30" } };
    const ask = await call("POST", url, body);
    expect(ask.statusCode).toBe(409);
    expect(ask.json().error).toMatchObject({
      code: "NEEDS_CONFIRMATION",
      details: { warnings: [{ code: "ROLLOVER" }] },
    });
    const confirmed = await call("POST", url, { ...body, confirmRollover: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().consumption[0].kwh).toBe("80.000");
  });

  it("asks to confirm more than three times the usual use", async () => {
    clock.set(MSK("2026-11-20T12:00:00"));
    const { account, meter, call } = await customerWith("7700000036");
    const s = await state(call, account.id);
    const previous = s.meters[0]?.previous?.values[0]?.value ?? "0";
    const usual = Number(s.meters[0]?.averageMonthlyKwh);
    const url = `/api/accounts/${account.id}/meters/${meter.id}/readings`;
    const body = { idempotencyKey: randomUUID(), values: { T1: plus(previous, Math.ceil(usual * 4)) } };
    const ask = await call("POST", url, body);
    expect(ask.json().error.details.warnings.map((w: { code: string }) => w.code)).toEqual(["LARGE_JUMP"]);
    expect((await call("POST", url, { ...body, confirmLargeJump: true })).statusCode).toBe(201);
  });
});

/** What November 2025's bill charged the account, per meter, kWh: the month an unusual November is measured by. */
async function lastYearNovemberPerMeter(accountId: string): Promise<number> {
  const bill = await t.db.bill.findFirstOrThrow({
    where: { accountId, period: new Date("2025-11-01T00:00:00Z") },
    include: { lines: true },
  });
  const meters = await t.db.meter.count({ where: { accountId } });
  return bill.lines.reduce((sum, l) => sum + Number(l.kwh), 0) / meters;
}

describe("«Необычный расход»", () => {
  it("a month far above last year's same month is said in the answer and in one letter, however often the reading is sent again; a usual month says nothing", async () => {
    clock.set(MSK("2026-11-20T12:00:00"));
    const { c, account, meter, call } = await customerWith("7700000036");
    const lastYearKwh = await lastYearNovemberPerMeter(account.id);
    const s = await state(call, account.id);
    const previous = s.meters.find((m) => m.meterId === meter.id)?.previous?.values[0]?.value ?? "0";
    const url = `/api/accounts/${account.id}/meters/${meter.id}/readings`;
    const usual = await call("POST", url, {
      idempotencyKey: randomUUID(),
      values: { T1: plus(previous, Math.floor(lastYearKwh)) },
      confirmLargeJump: true,
    });
    expect(SubmitReadingResult.parse(usual.json()).unusualUse).toBeNull();
    const send = () =>
      call("POST", url, {
        idempotencyKey: randomUUID(),
        values: { T1: plus(previous, Math.ceil(lastYearKwh * 2)) },
        confirmLargeJump: true,
      });
    const first = SubmitReadingResult.parse((await send()).json());
    expect(first.unusualUse).toMatchObject({ month: "2026-11", basis: "LAST_YEAR" });
    expect(first.unusualUse?.message).toMatch(/^Необычный расход: за ноябрь 2026 — .+ кВт·ч, в 2 раза больше/);
    await send();
    const letters = await t.db.outboxMessage.findMany({ where: { to: c.email, kind: "UNUSUAL_USE" } });
    expect(letters).toHaveLength(1);
    expect(letters[0]?.subject).toBe(`Необычный расход электроэнергии по лицевому счёту № ${account.number}`);
    expect(letters[0]?.dedupeKey).toBe(`unusual-use:${meter.id}:2026-11:${c.email}`);
  });

  it("the letter is written with the reading: when it cannot be, the reading is not kept either, and sent again both are", async () => {
    clock.set(MSK("2026-11-20T12:00:00"));
    const { c, account, meter, call } = await customerWith("7700000032");
    const lastYearKwh = await lastYearNovemberPerMeter(account.id);
    const previous = (await state(call, account.id)).meters.find((m) => m.meterId === meter.id)?.previous;
    const body = {
      idempotencyKey: randomUUID(),
      values: { T1: plus(previous?.values[0]?.value ?? "0", Math.ceil(lastYearKwh * 3)) },
      confirmLargeJump: true,
    };
    const url = `/api/accounts/${account.id}/meters/${meter.id}/readings`;
    const kept = () => t.db.reading.count({ where: { meterId: meter.id, submittedById: c.id } });
    // The outbox refuses the letter, as a crash or a lost connection between two writes would.
    await t.db.$executeRawUnsafe(`CREATE FUNCTION refuse_unusual() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.kind = 'UNUSUAL_USE' THEN RAISE EXCEPTION 'letter refused'; END IF; RETURN NEW; END $$`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_unusual BEFORE INSERT ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION refuse_unusual()`,
    );
    try {
      expect((await call("POST", url, body)).statusCode).toBe(500);
      expect(await kept()).toBe(0);
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER refuse_unusual ON "OutboxMessage"`);
      await t.db.$executeRawUnsafe("DROP FUNCTION refuse_unusual()");
    }
    const again = await call("POST", url, body);
    expect(again.statusCode).toBe(201);
    expect(SubmitReadingResult.parse(again.json()).unusualUse).toMatchObject({ month: "2026-11" });
    expect(await kept()).toBe(1);
    const letters = await t.db.outboxMessage.findMany({ where: { to: c.email, kind: "UNUSUAL_USE" } });
    expect(letters.map((l) => l.dedupeKey)).toEqual([`unusual-use:${meter.id}:2026-11:${c.email}`]);
  });
});

describe("today's rates", () => {
  it("change at midnight in Moscow on the day the supplier's new tariff starts, not when the UTC day turns", async () => {
    const { account, meter, call } = await customerWith("7700000016");
    const rateOf = async (day: string) => {
      const tariff = await t.db.tariff.findFirstOrThrow({
        where: {
          supplierId: account.supplierId,
          plan: account.tariffPlan,
          zone: "T1",
          validFrom: { lte: new Date(day) },
        },
        orderBy: { validFrom: "desc" },
      });
      return tariff.rateKopecks;
    };
    const shown = async (at: string) => {
      clock.set(MSK(at));
      const m = (await state(call, account.id)).meters.find((x) => x.meterId === meter.id);
      return m?.rates.find((r) => r.zone === "T1")?.rateKopecks;
    };
    const [june, july] = [await rateOf("2026-06-30"), await rateOf("2026-07-01")];
    expect(july).not.toBe(june);
    expect(await shown("2026-06-30T23:59:00")).toBe(june);
    // 00:30 in Moscow is 21:30 the day before in UTC.
    expect(await shown("2026-07-01T00:30:00")).toBe(july);
    clock.set(MSK("2026-11-20T12:00:00"));
  });
});

describe("the history of readings", () => {
  it("includes a reading at 23:59 Moscow on the last day and excludes one at 00:00 the day after", async () => {
    const { account, meter, call } = await customerWith("7700000016");
    const at = (moscow: string) =>
      t.db.reading.create({ data: { meterId: meter.id, takenAt: MSK(moscow), source: "INSPECTOR", t1: "1" } });
    const inside = await at("2026-08-31T23:59:00");
    const outside = await at("2026-09-01T00:00:00");
    const first = await at("2026-08-01T00:00:00");
    const res = await call("GET", `/api/accounts/${account.id}/readings?from=2026-08-01&to=2026-08-31`);
    const ids = res.json().readings.map((r: { id: string }) => r.id);
    expect(ids).toContain(inside.id);
    expect(ids).toContain(first.id);
    expect(ids).not.toContain(outside.id);
    expect(res.json().readings.find((r: { id: string }) => r.id === inside.id)).toMatchObject({
      source: "INSPECTOR",
      status: "ACTIVE",
      serialNumber: meter.serialNumber,
    });
  });

  it("names a wrong period", async () => {
    const { account, call } = await customerWith("7700000017");
    const res = await call("GET", `/api/accounts/${account.id}/readings?from=2026-09-01&to=2026-08-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ location: "query", fields: [{ path: "to" }] });
  });
});

describe("the cost of a submission", () => {
  it("takes five statements, the rate limit's counter included, and four to answer a retry", async () => {
    const { c, account, meter, call } = await customerWith("7700000000");
    clock.set(MSK("2026-11-20T12:00:00"));
    const previous = (await state(call, account.id)).meters[0]?.previous?.values[0]?.value ?? "0";
    const url = `/api/accounts/${account.id}/meters/${meter.id}/readings`;
    const body = { idempotencyKey: randomUUID(), values: { T1: plus(previous, 50) } };
    let first: { statusCode: number } | undefined;
    expect(await statementsDuring(t, async () => (first = await call("POST", url, body)))).toBe(5);
    expect(first?.statusCode).toBe(201);
    // A second reading in the window replaces the first in the same statement as its insert.
    const second = { idempotencyKey: randomUUID(), values: { T1: plus(previous, 60) } };
    expect(await statementsDuring(t, () => call("POST", url, second))).toBe(5);
    // The clock is stopped: both have the same createdAt, so they are told apart by value.
    const mine = await t.db.reading.findMany({ where: { submittedById: c.id }, orderBy: { t1: "asc" } });
    expect(mine.map((r) => [Number(r.t1), r.status])).toEqual([
      [Number(plus(previous, 50)), "REPLACED"],
      [Number(plus(previous, 60)), "ACTIVE"],
    ]);
    expect(await statementsDuring(t, () => call("POST", url, body))).toBe(4);
  });

  it("the readings page reads in one statement, the session check included", async () => {
    const { account, call } = await customerWith("7700000000");
    expect(await statementsDuring(t, () => state(call, account.id))).toBe(1);
  });

  it("asks again only when a meter's latest readings are all from this window, and still finds the one before", async () => {
    const { c, account, meter, call } = await customerWith("7700000001");
    clock.set(MSK("2026-11-20T12:00:00"));
    const before = (await state(call, account.id)).meters.find((m) => m.meterId === meter.id);
    // Inspectors' readings in this window, more than the page's query brings per meter.
    const last = await t.db.reading.findFirstOrThrow({ where: { meterId: meter.id }, orderBy: { takenAt: "desc" } });
    for (let i = 1; i <= 4; i++) {
      await t.db.reading.create({
        data: {
          meterId: meter.id,
          takenAt: MSK(`2026-11-1${5 + i}T09:00:00`),
          source: "INSPECTOR",
          t1: last.t1,
          t2: last.t2,
          t3: last.t3,
        },
      });
    }
    const after = (await state(call, account.id)).meters.find((m) => m.meterId === meter.id);
    expect(after?.previous).toEqual(before?.previous);
    const url = `/api/accounts/${account.id}/meters/${meter.id}/readings`;
    const values = Object.fromEntries(
      meter.zones.map((z) => [z, plus(after?.previous?.values.find((v) => v.zone === z)?.value ?? "0", 10)]),
    );
    const res = await call("POST", url, { idempotencyKey: randomUUID(), values });
    expect(res.statusCode).toBe(201);
    expect(await t.db.reading.count({ where: { submittedById: c.id, status: "ACTIVE" } })).toBe(1);
    await t.db.reading.deleteMany({
      where: { meterId: meter.id, source: "INSPECTOR", takenAt: { gte: MSK("2026-11-15T00:00:00") } },
    });
  });

  it("checks the session in its own query: after sign-out the page and «Передать» are 401 and nothing is stored", async () => {
    const { c, account, meter, call } = await customerWith("7700000000");
    clock.set(MSK("2026-11-20T12:00:00"));
    const previous = (await state(call, account.id)).meters[0]?.previous?.values[0]?.value ?? "0";
    await endSession(t, c);
    expect((await call("GET", `/api/accounts/${account.id}/readings/state`)).statusCode).toBe(401);
    const res = await call("POST", `/api/accounts/${account.id}/meters/${meter.id}/readings`, {
      idempotencyKey: randomUUID(),
      values: { T1: plus(previous, 10) },
    });
    expect(res.statusCode).toBe(401);
    expect(await t.db.reading.count({ where: { submittedById: c.id } })).toBe(0);
  });
});
