import {
  AccountDetails,
  AuthSession,
  buildPath,
  ErrorBody,
  ReadingHistoryItem,
  ReadingsState,
  routes,
  SubmitReadingResult,
} from "@lk/contract";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import { monthOf, monthStart } from "@lk/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { mockClock } from "../mock-clock.ts";
import { MOCK_STORAGE_KEY, mockDb } from "../mock-db.ts";
import { mockWorld } from "../mock-world.ts";
import { setUpMockApiServer } from "./mock-api-server.ts";

setUpMockApiServer();

// The generated world has readings up to last month; the tests live in this month, Moscow time
// (the process runs in America/Los_Angeles: the window must follow Moscow regardless).
const thisMonth = monthOf(new Date());
const nextMonth = monthOf(monthStart(thisMonth, undefined, 1));
const lastMonth = monthOf(monthStart(thisMonth, undefined, -1));
const MSK = (day: number, time = "12:00", month = thisMonth) =>
  new Date(`${month}-${String(day).padStart(2, "0")}T${time}:00+03:00`);
const setNow = (instant: Date) => {
  mockClock.now = () => instant;
};

const url = (path: string) => new URL(path, window.location.origin);
async function signIn(): Promise<string> {
  const res = await fetch(url(routes.auth.signIn.path), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
  });
  return AuthSession.parse(await res.json()).accessToken;
}

/** The demo customer with the world's account `index` linked (directly, not through the dialog). */
async function customerWith(index: number) {
  const bundle = mockWorld().bundles[index];
  if (!bundle) throw new Error(`no account ${index} in the mock world`);
  if (!mockDb.state.accountLinks.some((l) => l.accountId === bundle.account.id)) {
    mockDb.state.accountLinks.push({
      userId: mockDb.state.users[0]?.id ?? "",
      accountId: bundle.account.id,
      isPrimary: false,
      linkedAt: new Date().toISOString(),
    });
  }
  const token = await signIn();
  const accountId = bundle.account.id;
  const meter = [...bundle.meters].sort((a, b) => (a.serialNumber < b.serialNumber ? -1 : 1))[0];
  if (!meter) throw new Error("no meter");
  const call = (method: string, path: string, body?: unknown) =>
    fetch(url(path), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const state = async () =>
    ReadingsState.parse(await (await call("GET", buildPath(routes.readings.state.path, { accountId }))).json());
  const submitPath = buildPath(routes.readings.submit.path, { accountId, meterId: meter.id });
  const submit = (body: object) => call("POST", submitPath, { idempotencyKey: crypto.randomUUID(), ...body });
  const history = async (from: string, to: string) => {
    const res = await call("GET", `${buildPath(routes.readings.history.path, { accountId })}?from=${from}&to=${to}`);
    return z.object({ readings: z.array(ReadingHistoryItem) }).parse(await res.json()).readings;
  };
  return { bundle, accountId, meter, call, state, submit, submitPath, history };
}

const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error;
const previousOf = (s: ReadingsState) => s.meters[0]?.previous?.values[0]?.value ?? "0";
/** The previous value plus some kWh, written with the meter's own decimal places. */
const plus = (value: string, kwh: number) => (Number(value) + kwh).toFixed(value.split(".")[1]?.length ?? 0);

describe("mock API: the reading window", () => {
  it("is open on the 20th, Moscow time, with the last reading, the usual use and today's rates", async () => {
    setNow(MSK(20));
    const { state } = await customerWith(0);
    const s = await state();
    expect(s.window).toEqual({ open: true, from: `${thisMonth}-15`, to: `${thisMonth}-26`, daysLeft: 7 });
    expect(s.meters[0]).toMatchObject({ accepts: true, refusal: null, submittedThisWindow: null });
    expect(s.meters[0]?.previous?.takenAt.slice(0, 7)).toBe(lastMonth);
    expect(Number(s.meters[0]?.averageMonthlyKwh)).toBeGreaterThan(0);
    expect(s.meters[0]?.rates).toEqual([{ zone: "T1", rateKopecks: expect.any(Number) }]);
  });

  it("is closed at 00:00 on the 27th, Moscow time, names the next window and stores nothing", async () => {
    setNow(MSK(27, "00:00"));
    const { state, submit } = await customerWith(0);
    const s = await state();
    expect(s.window).toEqual({ open: false, from: `${nextMonth}-15`, to: `${nextMonth}-26`, daysLeft: null });
    expect(s.meters[0]).toMatchObject({ accepts: false, refusal: { code: "WINDOW_CLOSED" } });
    const next = `15.${nextMonth.slice(5)}.${nextMonth.slice(0, 4)}`;
    const res = await submit({ values: { T1: plus(previousOf(s), 100) } });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: "WINDOW_CLOSED", message: expect.stringContaining(next) });
    expect(mockDb.state.readings).toEqual([]);
  });

  it.each([
    [3, "METER_AUTOMATED", /АСКУЭ/],
    [4, "METER_FAULTY", /неисправен/],
  ])("account %i's meter refuses with %s, even inside the window", async (index, code, message) => {
    setNow(MSK(20));
    const { state, submit } = await customerWith(index);
    expect((await state()).meters[0]).toMatchObject({
      accepts: false,
      refusal: { code, message: expect.stringMatching(message) },
    });
    const res = await submit({ values: { T1: "1" } });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe(code);
  });
});

describe("mock API: «Передать»", () => {
  it("saves the reading with its consumption and cost; the state, the history and the account show it", async () => {
    setNow(MSK(20));
    const { accountId, state, submit, history, call } = await customerWith(0);
    const s = await state();
    const rate = s.meters[0]?.rates[0]?.rateKopecks ?? 0;
    const res = await submit({ values: { T1: plus(previousOf(s), 150).replace(".", ",") } });
    expect(res.status).toBe(201);
    const result = SubmitReadingResult.parse(await res.json());
    expect(result.consumption).toEqual([{ zone: "T1", kwh: "150.000", rateKopecks: rate, costKopecks: 150 * rate }]);
    expect(result).toMatchObject({ totalCostKopecks: 150 * rate, replacedPrevious: false });
    expect((await state()).meters[0]?.submittedThisWindow?.id).toBe(result.reading.id);
    expect(await history(`${thisMonth}-20`, `${thisMonth}-20`)).toEqual([
      expect.objectContaining({ id: result.reading.id, source: "CUSTOMER", status: "ACTIVE" }),
    ]);
    const details = AccountDetails.parse(await (await call("GET", `/api/accounts/${accountId}`)).json());
    expect(details.meters[0]?.lastReading).toEqual({ ...result.reading, id: undefined, meterId: undefined });
  });

  it("a second submission in the window replaces the first; both stay in the history, marked, after a reload", async () => {
    setNow(MSK(18));
    const { state, submit, history } = await customerWith(0);
    const previous = previousOf(await state());
    const first = SubmitReadingResult.parse(await (await submit({ values: { T1: plus(previous, 100) } })).json());
    setNow(MSK(19));
    const second = SubmitReadingResult.parse(await (await submit({ values: { T1: plus(previous, 120) } })).json());
    expect(second.replacedPrevious).toBe(true);
    expect(second.consumption[0]?.kwh).toBe("120.000");
    const stored = JSON.parse(window.localStorage.getItem(MOCK_STORAGE_KEY) ?? "{}");
    mockDb.reset(stored);
    const listed = await history(`${thisMonth}-18`, `${thisMonth}-19`);
    expect(listed.map((r) => [r.id, r.status])).toEqual([
      [second.reading.id, "ACTIVE"],
      [first.reading.id, "REPLACED"],
    ]);
    expect((await state()).meters[0]?.submittedThisWindow?.id).toBe(second.reading.id);
  });

  it("a retried request with the same idempotency key creates nothing new", async () => {
    setNow(MSK(20));
    const { state, call, submitPath } = await customerWith(0);
    const body = { idempotencyKey: crypto.randomUUID(), values: { T1: plus(previousOf(await state()), 90) } };
    const answers = await Promise.all([1, 2, 3].map(() => call("POST", submitPath, body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const ids = await Promise.all(answers.map(async (a) => SubmitReadingResult.parse(await a.json()).reading.id));
    expect(new Set(ids).size).toBe(1);
    expect(mockDb.state.readings).toHaveLength(1);
    expect(mockDb.state.replacedReadingIds).toEqual([]);
  });

  it("refuses the key again with other values: IDEMPOTENCY_KEY_REUSED, and stores nothing new", async () => {
    setNow(MSK(20));
    const { state, call, submitPath } = await customerWith(0);
    const previous = previousOf(await state());
    const key = crypto.randomUUID();
    expect((await call("POST", submitPath, { idempotencyKey: key, values: { T1: plus(previous, 90) } })).status).toBe(
      201,
    );
    // The same value typed another way is the same request.
    const same = await call("POST", submitPath, { idempotencyKey: key, values: { T1: ` ${plus(previous, 90)} ` } });
    expect(same.status).toBe(201);
    const other = await call("POST", submitPath, { idempotencyKey: key, values: { T1: plus(previous, 95) } });
    expect(other.status).toBe(422);
    expect((await errorOf(other)).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(mockDb.state.readings).toHaveLength(1);
  });

  it("refuses a value below the last one, naming the zone's field, and stores nothing", async () => {
    setNow(MSK(20));
    const { state, submit } = await customerWith(0);
    const res = await submit({ values: { T1: plus(previousOf(await state()), -10) } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.fields).toEqual([
      {
        path: "values.T1",
        message: expect.stringMatching(/^Показание меньше предыдущего \(.+\)\. Проверьте цифры\.$/),
      },
    ]);
    expect(mockDb.state.readings).toEqual([]);
  });

  it("asks to confirm a rollover past the capacity, then counts across zero", async () => {
    setNow(MSK(20));
    const { meter, call, submitPath } = await customerWith(0);
    const capacity = 10 ** meter.digitCapacity;
    mockDb.state.readings.push({
      id: crypto.randomUUID(),
      meterId: meter.id,
      takenAt: MSK(1).toISOString(),
      createdAt: MSK(1).toISOString(),
      source: "INSPECTOR",
      values: { T1: (capacity - 50) * 1000 },
      status: "ACTIVE",
      submittedById: null,
      idempotencyKey: null,
      contactPhone: null,
    });
    const body = { idempotencyKey: crypto.randomUUID(), values: { T1: "30" } };
    const ask = await call("POST", submitPath, body);
    expect(ask.status).toBe(409);
    expect(await errorOf(ask)).toMatchObject({
      code: "NEEDS_CONFIRMATION",
      details: { warnings: [{ code: "ROLLOVER", message: expect.stringContaining("начал с нуля") }] },
    });
    const confirmed = await call("POST", submitPath, { ...body, confirmRollover: true });
    expect(confirmed.status).toBe(201);
    expect(SubmitReadingResult.parse(await confirmed.json()).consumption[0]?.kwh).toBe("80.000");
  });

  it("asks to confirm more than three times the usual use", async () => {
    setNow(MSK(20));
    const { state, call, submitPath } = await customerWith(0);
    const s = await state();
    const usual = Number(s.meters[0]?.averageMonthlyKwh);
    const body = { idempotencyKey: crypto.randomUUID(), values: { T1: plus(previousOf(s), Math.ceil(usual * 4)) } };
    const ask = await call("POST", submitPath, body);
    expect((await errorOf(ask)).details?.warnings?.map((w) => w.code)).toEqual(["LARGE_JUMP"]);
    expect((await call("POST", submitPath, { ...body, confirmLargeJump: true })).status).toBe(201);
  });
});

describe("mock API: the history of readings", () => {
  it("lists a period's readings newest first, with their sources, by Moscow days both inclusive", async () => {
    setNow(MSK(20));
    const { meter, history } = await customerWith(0);
    const at = (takenAt: Date) => {
      const id = crypto.randomUUID();
      mockDb.state.readings.push({
        id,
        meterId: meter.id,
        takenAt: takenAt.toISOString(),
        createdAt: takenAt.toISOString(),
        source: "INSPECTOR",
        values: { T1: 1000 },
        status: "ACTIVE",
        submittedById: null,
        idempotencyKey: null,
        contactPhone: null,
      });
      return id;
    };
    const first = at(MSK(2, "00:00"));
    const inside = at(MSK(3, "23:59"));
    const outside = at(MSK(4, "00:00"));
    const listed = await history(`${thisMonth}-02`, `${thisMonth}-03`);
    expect(listed.map((r) => r.id)).toEqual([inside, first]);
    expect(listed.map((r) => r.id)).not.toContain(outside);

    const year = await history(`${monthOf(monthStart(thisMonth, undefined, -12))}-01`, `${thisMonth}-20`);
    expect(year.length).toBeGreaterThanOrEqual(12);
    const times = year.map((r) => Date.parse(r.takenAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(year.map((r) => r.source))).toContain("CUSTOMER");
  });

  it("names a wrong period on the «по» field", async () => {
    const { accountId, call } = await customerWith(0);
    const path = `${buildPath(routes.readings.history.path, { accountId })}?from=2026-09-01&to=2026-08-01`;
    const res = await call("GET", path);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details).toMatchObject({ location: "query", fields: [{ path: "to" }] });
  });

  it("answers 404 for an account the customer has not linked", async () => {
    const { call } = await customerWith(0);
    const stranger = mockWorld().bundles[5]?.account.id ?? "";
    expect((await call("GET", buildPath(routes.readings.state.path, { accountId: stranger }))).status).toBe(404);
  });
});
