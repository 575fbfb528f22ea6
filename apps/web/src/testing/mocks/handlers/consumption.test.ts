import { AuthSession, buildPath, ConsumptionYear, ErrorBody, ReadingsState, routes } from "@lk/contract";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import { monthOf } from "@lk/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { consumptionFile } from "../../../features/consumption/consumption-csv.ts";
import { mockClock } from "../mock-clock.ts";
import { mockDb } from "../mock-db.ts";
import { mockWorld } from "../mock-world.ts";
import { setUpMockApiServer } from "./mock-api-server.ts";

setUpMockApiServer();
beforeEach(() => {
  // The 20th of this month, Moscow time: the reading window is open, and the generated readings
  // reach last month, so no reading has closed this month yet.
  const now = new Date(`${monthOf(new Date())}-20T12:00:00+03:00`);
  mockClock.now = () => now;
});

const thisMonth = monthOf(new Date());
const thisYear = Number(thisMonth.slice(0, 4));
const url = (path: string) => new URL(path, window.location.origin);

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
  const signIn = await fetch(url(routes.auth.signIn.path), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
  });
  const token = AuthSession.parse(await signIn.json()).accessToken;
  const accountId = bundle.account.id;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(url(path), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const yearPath = (year: number | string, id = accountId) =>
    `${buildPath(routes.consumption.year.path, { accountId: id })}?year=${year}`;
  const csvPath = (year: number | string, id = accountId) =>
    `${buildPath(routes.consumption.csv.path, { accountId: id })}?year=${year}`;
  const year = async (y = thisYear) => ConsumptionYear.parse(await (await call("GET", yearPath(y))).json());
  return { bundle, accountId, call, year, yearPath, csvPath };
}

const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error;
const monthIndex = Number(thisMonth.slice(5)) - 1;

describe("mock API: consumption", () => {
  it("answers a two-zone year by month, the year before, and the same numbers as CSV", async () => {
    const { bundle, year, call, csvPath } = await customerWith(1);
    const data = await year();
    expect(data.zones).toEqual(["T1", "T2"]);
    expect(data.months).toHaveLength(12);
    expect(data.previousYear).toHaveLength(12);
    expect(data.months.map((m) => m.status)).toEqual(
      data.months.map((_, i) => (i < monthIndex ? "ACTUAL" : i === monthIndex ? "MISSING" : "FUTURE")),
    );
    expect(data.previousYear.every((m) => m.status === "ACTUAL")).toBe(true);
    // Account 1's meter rolled over past its capacity in the history: still an ordinary month's use.
    const totals = [...data.months, ...data.previousYear].flatMap((m) => (m.totalKwh ? [Number(m.totalKwh)] : []));
    expect(totals.every((t) => t > 0 && t < 5000)).toBe(true);
    expect(data.previousYear[0]?.zones.map((z) => z.zone)).toEqual(["T1", "T2"]);

    const csv = await call("GET", csvPath(thisYear));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain(`potreblenie-${bundle.account.number}-${thisYear}.csv`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(
      consumptionFile(data, bundle.account.number).text,
    );
  });

  it("counts a reading the customer sends in the window for this month; a replaced one no longer counts", async () => {
    const { accountId, call, year } = await customerWith(0);
    expect((await year()).months[monthIndex]).toMatchObject({ status: "MISSING", totalKwh: null });

    const statePath = buildPath(routes.readings.state.path, { accountId });
    const meter = ReadingsState.parse(await (await call("GET", statePath)).json()).meters[0];
    const previous = meter?.previous?.values[0]?.value ?? "0";
    const decimals = previous.split(".")[1]?.length ?? 0;
    const submitPath = buildPath(routes.readings.submit.path, { accountId, meterId: meter?.meterId ?? "" });
    const send = (kwh: number) =>
      call("POST", submitPath, {
        idempotencyKey: crypto.randomUUID(),
        values: { T1: (Number(previous) + kwh).toFixed(decimals) },
      });

    expect((await send(150)).status).toBe(201);
    expect((await year()).months[monthIndex]).toEqual({
      month: thisMonth,
      status: "ACTUAL",
      zones: [{ zone: "T1", kwh: "150.000" }],
      totalKwh: "150.000",
    });
    expect((await send(120)).status).toBe(201);
    expect((await year()).months[monthIndex]?.totalKwh).toBe("120.000");
  });

  it("answers 404 for an account the customer has not linked, on both routes", async () => {
    const { call, yearPath, csvPath } = await customerWith(0);
    const stranger = mockWorld().bundles[5]?.account.id ?? "";
    for (const path of [yearPath(thisYear, stranger), csvPath(thisYear, stranger)]) {
      const res = await call("GET", path);
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("NOT_FOUND");
    }
  });

  it.each([
    ["abc", "Укажите год."],
    ["2026.5", "Укажите год числом."],
    ["1999", "Данных раньше 2000 года нет."],
  ])("names a bad year («%s») on the field «year»", async (bad, message) => {
    const { call, yearPath, csvPath } = await customerWith(0);
    for (const path of [yearPath(bad), csvPath(bad)]) {
      const res = await call("GET", path);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).details).toMatchObject({ location: "query", fields: [{ path: "year", message }] });
    }
  });
});
