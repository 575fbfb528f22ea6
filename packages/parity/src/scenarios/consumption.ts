import { routes } from "@lk/contract";
import { type Scenario, step } from "../scenario.ts";
import { customer, linked } from "../world.ts";

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
];
