import { routes, type ThisMonth } from "@lk/contract";
import { type Scenario, step } from "../scenario.ts";
import { customer, linked } from "../world.ts";

const KEY = "5b0c1f7e-1f1e-4c7a-9b8e-1d2c3b4a5f60";

export const consumptionScenarios: Scenario[] = [
  {
    feature: "consumption",
    name: "a year's chart and its CSV; not another customer's",
    async run(api) {
      const c = await customer(api);
      const other = await customer(api);
      const accountId = await linked(api, c, 15);
      const year = await api.call(
        "year",
        routes.consumption.year,
        { params: { accountId }, query: { year: 2025 } },
        c.token,
      );
      api.see(year.months.length);
      await api.call("csv", routes.consumption.csv, { params: { accountId }, query: { year: 2025 } }, c.token);
      await api.call(
        "foreign year",
        routes.consumption.year,
        { params: { accountId }, query: { year: 2025 } },
        other.token,
      );
    },
    expected: [step("year", 200, undefined, 12), step("csv", 200), step("foreign year", 404, "NOT_FOUND")],
  },
  {
    feature: "consumption",
    name: "«Этот месяц»: the use since the bill and the month's range; a reading sent counts at once",
    async run(api) {
      const c = await customer(api);
      const other = await customer(api);
      const accountId = await linked(api, c, 26);
      const seen = (m: ThisMonth) => [
        m.month,
        m.sinceBill?.kwh ?? null,
        m.forecast && [m.forecast.lowKwh, m.forecast.highKwh, m.forecast.basedOn],
      ];
      api.see(seen(await api.call("this month", routes.consumption.thisMonth, { params: { accountId } }, c.token)));
      const state = await api.call("state", routes.readings.state, { params: { accountId } }, c.token);
      const meter = state.meters[0];
      if (!meter?.previous) throw new Error("the account's meter has no reading");
      const values = Object.fromEntries(
        meter.previous.values.map((v) => [v.zone, (Number(v.value) + 100).toFixed(meter.decimalPlaces)]),
      );
      await api.call(
        "send",
        routes.readings.submit,
        { params: { accountId, meterId: meter.meterId }, body: { idempotencyKey: KEY, values } },
        c.token,
      );
      const after = await api.call(
        "this month again",
        routes.consumption.thisMonth,
        { params: { accountId } },
        c.token,
      );
      api.see([seen(after), after.sinceBill?.to]);
      await api.call("foreign", routes.consumption.thisMonth, { params: { accountId } }, other.token);
    },
    expected: [
      // The latest reading (25 October) closed October, the last bill's month: nothing since it yet.
      step("this month", 200, undefined, ["2026-11", null, ["205.530", "278.070", ["LAST_YEAR"]]]),
      step("state", 200),
      step("send", 201),
      step("this month again", 200, undefined, [
        ["2026-11", "200.000", ["199.024", "278.070", ["OWN_PACE", "LAST_YEAR"]]],
        "2026-11-20T09:00:00.000Z",
      ]),
      step("foreign", 404, "NOT_FOUND"),
    ],
  },
];
