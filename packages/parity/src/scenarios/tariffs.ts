import { routes, type TariffComparison } from "@lk/contract";
import { type Scenario, step } from "../scenario.ts";
import { customer, linked, operator } from "../world.ts";

// A two-zone account (22), whose plan the scenario changes, and a single-zone one (36).
const TWO_ZONE = 22;
const SINGLE_ZONE = 36;

const ASSUMED = { nightShare: 0.25, peakShareOfDay: 0.4 };

const seen = (c: TariffComparison) => [
  c.from,
  c.to,
  c.monthsCounted,
  c.currentPlan,
  c.better,
  c.plans.map((p) => [p.plan, p.costKopecks, p.differenceKopecks, p.exact, p.meterReplacement]),
  c.assumption,
];

export const tariffScenarios: Scenario[] = [
  {
    feature: "consumption",
    name: "«Какой тариф выгоднее»: exact for a two-zone meter, estimated for a single-zone one; «Сменить тариф» as a request",
    async run(api) {
      const c = await customer(api);
      const other = await customer(api);
      const accountId = await linked(api, c, TWO_ZONE);
      const single = await linked(api, c, SINGLE_ZONE);
      const compare = (name: string, id: string, token = c.token) =>
        api.call(name, routes.consumption.tariffComparison, { params: { accountId: id } }, token);
      api.see(seen(await compare("two-zone", accountId)));
      api.see(seen(await compare("single-zone", single)));
      await compare("foreign", accountId, other.token);

      const file = (name: string, tariffPlan: "SINGLE" | "TWO_ZONE" | "THREE_ZONE") =>
        api.call(
          name,
          routes.requests.create,
          { params: { accountId }, body: { change: { kind: "TARIFF", tariffPlan } } },
          c.token,
        );
      await file("the plan it is on", "TWO_ZONE");
      const request = await file("three-zone", "THREE_ZONE");
      api.see([request.kind, request.status, request.change, request.previous]);
      const op = await operator(api);
      await api.call(
        "approve",
        routes.operator.decide,
        { params: { requestId: request.id }, body: { decision: "APPROVE" } },
        op.token,
      );
      const page = await api.call("the account after", routes.accounts.get, { params: { accountId } }, c.token);
      api.see(page.tariffPlan);
      const after = await compare("compared again", accountId);
      api.see([after.currentPlan, after.plans.map((p) => [p.plan, p.differenceKopecks])]);
    },
    expected: [
      // November 2025 to October 2026 (the parity clock stands on 20 November 2026).
      step("two-zone", 200, undefined, [
        "2025-11",
        "2026-10",
        12,
        "TWO_ZONE",
        "THREE_ZONE",
        [
          ["THREE_ZONE", 2_569_759, -72_560, false, true],
          ["TWO_ZONE", 2_642_319, 0, true, false],
          ["SINGLE", 2_833_461, 191_142, true, false],
        ],
        ASSUMED,
      ]),
      // One month's reading is the supplier's estimate: eleven months are counted.
      step("single-zone", 200, undefined, [
        "2025-11",
        "2026-10",
        11,
        "SINGLE",
        "THREE_ZONE",
        [
          ["THREE_ZONE", 1_676_852, -114_131, false, true],
          ["TWO_ZONE", 1_725_429, -65_554, false, true],
          ["SINGLE", 1_790_983, 0, true, false],
        ],
        ASSUMED,
      ]),
      step("foreign", 404, "NOT_FOUND"),
      step("the plan it is on", 400, "VALIDATION_FAILED"),
      step("three-zone", 201, undefined, [
        "TARIFF",
        "SUBMITTED",
        { kind: "TARIFF", tariffPlan: "THREE_ZONE" },
        { tariffPlan: "TWO_ZONE" },
      ]),
      step("approve", 200),
      step("the account after", 200, undefined, "THREE_ZONE"),
      step("compared again", 200, undefined, [
        "THREE_ZONE",
        [
          ["THREE_ZONE", 0],
          ["TWO_ZONE", 72_560],
          ["SINGLE", 263_702],
        ],
      ]),
    ],
  },
];
