import { randomUUID } from "node:crypto";
import { ConsumptionYear } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { as, createTestApp, endSession, registerCustomer, type TestApp } from "../../test/test-app.ts";

const clock = fixedClock(new Date("2026-11-20T12:00:00+03:00"));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

async function customerWith(number: string) {
  const c = await registerCustomer(t.app);
  const account = await t.db.personalAccount.findFirstOrThrow({ where: { number } });
  await t.db.accountLink.create({ data: { userId: c.id, accountId: account.id, isPrimary: true } });
  return { c, account, call: as(t.app, c) };
}

describe("consumption by month", () => {
  it("gives each month of the year the difference of actual readings, per zone; this month missing, December future", async () => {
    const { account, call } = await customerWith("7700000002");
    const res = await call("GET", `/api/accounts/${account.id}/consumption?year=2026`);
    expect(res.statusCode).toBe(200);
    const data = ConsumptionYear.parse(res.json());
    expect(data.zones).toEqual(["T1", "T2", "T3"]);
    expect(data.months.map((m) => m.status)).toEqual([...Array(10).fill("ACTUAL"), "MISSING", "FUTURE"]);
    expect(data.previousYear.every((m) => m.status === "ACTUAL")).toBe(true);

    // March, checked against the rows themselves.
    const meter = await t.db.meter.findFirstOrThrow({ where: { accountId: account.id } });
    const readings = await t.db.reading.findMany({ where: { meterId: meter.id }, orderBy: { takenAt: "asc" } });
    const march = readings.findIndex((r) => r.takenAt.toISOString().startsWith("2026-03"));
    const expected = (Number(readings[march]?.t2) - Number(readings[march - 1]?.t2)).toFixed(3);
    expect(data.months[2]?.zones.find((z) => z.zone === "T2")?.kwh).toBe(expected);
    const total = (data.months[2]?.zones ?? []).reduce((s, z) => s + Number(z.kwh), 0);
    expect(Number(data.months[2]?.totalKwh)).toBeCloseTo(total, 3);
  });

  it("fills this month once a reading is sent", async () => {
    const { account, call } = await customerWith("7700000000");
    const state = (await call("GET", `/api/accounts/${account.id}/readings/state`)).json();
    const meter = state.meters[0];
    const previous = Number(meter.previous.values[0].value);
    const sent = await call("POST", `/api/accounts/${account.id}/meters/${meter.meterId}/readings`, {
      idempotencyKey: randomUUID(),
      values: { T1: (previous + 123).toFixed(meter.decimalPlaces) },
    });
    expect(sent.statusCode).toBe(201);
    const data = (await call("GET", `/api/accounts/${account.id}/consumption?year=2026`)).json();
    expect(data.months[10]).toEqual({
      month: "2026-11",
      status: "ACTUAL",
      zones: [{ zone: "T1", kwh: "123.000" }],
      totalKwh: "123.000",
    });
  });

  it("marks the months a faulty meter did not report as missing, not zero", async () => {
    const { account, call } = await customerWith("7700000004");
    const data = (await call("GET", `/api/accounts/${account.id}/consumption?year=2026`)).json();
    expect(data.months.slice(5, 11).map((m: { status: string }) => m.status)).toEqual([
      "ACTUAL",
      "MISSING",
      "MISSING",
      "MISSING",
      "MISSING",
      "MISSING",
    ]);
  });

  it("serves the same numbers as CSV", async () => {
    const { account, call } = await customerWith("7700000001");
    const json = ConsumptionYear.parse((await call("GET", `/api/accounts/${account.id}/consumption?year=2026`)).json());
    const res = await call("GET", `/api/accounts/${account.id}/consumption.csv?year=2026`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="potreblenie-7700000001-2026.csv"');
    const lines = res.body.replace("\uFEFF", "").trim().split("\r\n");
    expect(lines[0]).toBe("Месяц;Т1, кВт·ч;Т2, кВт·ч;Всего, кВт·ч;Всего за 2025, кВт·ч");
    json.months.forEach((m, i) => {
      const cells = lines[i + 1]?.split(";") ?? [];
      const number = (s: string | undefined) => (s ? Number(s.replace(",", ".")) : null);
      expect(number(cells[3])).toBe(m.totalKwh === null ? null : Number(m.totalKwh));
      expect(number(cells[4])).toBe(
        json.previousYear[i]?.totalKwh === null ? null : Number(json.previousYear[i]?.totalKwh),
      );
    });
  });

  it("measures the first month shown from the last reading before it, however long ago", async () => {
    const { account, call } = await customerWith("7700000000");
    const meter = await t.db.meter.findFirstOrThrow({ where: { accountId: account.id } });
    const before = (await call("GET", `/api/accounts/${account.id}/consumption?year=2026`)).json();
    // No readings from August 2024 to the end of January 2025: February's reading measures from July 2024.
    const gap = {
      meterId: meter.id,
      takenAt: { gt: new Date("2024-08-01T00:00:00+03:00"), lte: new Date("2025-02-01T00:00:00+03:00") },
    };
    const removed = await t.db.reading.findMany({ where: gap });
    expect(removed.length).toBeGreaterThan(3);
    await t.db.reading.deleteMany({ where: gap });
    const base = await t.db.reading.findFirstOrThrow({
      where: { meterId: meter.id, takenAt: { lte: new Date("2024-08-01T00:00:00+03:00") } },
      orderBy: { takenAt: "desc" },
    });
    const february = await t.db.reading.findFirstOrThrow({
      where: { meterId: meter.id, takenAt: { gt: new Date("2025-02-01T00:00:00+03:00") } },
      orderBy: { takenAt: "asc" },
    });
    const data = ConsumptionYear.parse((await call("GET", `/api/accounts/${account.id}/consumption?year=2026`)).json());
    expect(data.previousYear[0]?.status).toBe("MISSING");
    expect(data.previousYear[1]?.totalKwh).toBe((Number(february.t1) - Number(base.t1)).toFixed(3));
    // The year itself is untouched.
    expect(data.months).toEqual(before.months);
  });

  it("names a wrong year", async () => {
    const { account, call } = await customerWith("7700000016");
    const res = await call("GET", `/api/accounts/${account.id}/consumption?year=abc`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ location: "query", fields: [{ path: "year" }] });
  });
});

describe("the session", () => {
  it("is checked in the chart's own query: after sign-out the chart and its CSV are 401", async () => {
    const { c, account, call } = await customerWith("7700000002");
    expect((await call("GET", `/api/accounts/${account.id}/consumption?year=2026`)).statusCode).toBe(200);
    await endSession(t, c);
    for (const url of [
      `/api/accounts/${account.id}/consumption?year=2026`,
      `/api/accounts/${account.id}/consumption.csv?year=2026`,
    ]) {
      const res = await call("GET", url);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("UNAUTHORIZED");
    }
  });
});
