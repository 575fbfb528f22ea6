import { type ConsumptionYear, routes } from "@lk/contract";
import type { AccountBundle } from "@lk/demo-data";
import {
  consumptionCsv,
  consumptionFileName,
  tariffComparisonView,
  thisMonthView,
  yearConsumption,
  yearConsumptionView,
} from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { requireLink } from "../mock-access.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { ratesOf, readingsOfMeter, supplierTariffs } from "../mock-readings.ts";
import { accountFacts } from "../mock-service-requests.ts";
import { findAccount } from "../mock-world.ts";

// The same computation as apps/api/src/features/consumption/service.ts, over the generated world's
// readings and the customers' own submissions (a replaced one no longer counts). The suppliers of
// the world all keep Moscow time, the domain's default.

/** The account's meters and their active readings (measured ones only, if asked), as the domain's rules take them. */
function metersAndReadings(bundle: AccountBundle, measuredOnly = false) {
  const meters = bundle.meters.map((m) => ({ id: m.id, zones: m.zones, digitCapacity: m.digitCapacity }));
  const readings = bundle.meters
    .flatMap((m) => readingsOfMeter(bundle, m.id))
    .filter((r) => r.status === "ACTIVE" && !(measuredOnly && r.source === "ESTIMATED"))
    .map((r) => ({ meterId: r.meterId, takenAt: r.takenAt, values: r.values }));
  return { meters, readings };
}

function compute(bundle: AccountBundle, year: number) {
  const { meters, readings } = metersAndReadings(bundle);
  return yearConsumption(meters, readings, year, mockClock.now());
}

export const consumptionHandlers = [
  mockRoute(
    routes.consumption.year,
    ({ input: { params, query }, userId }): ConsumptionYear => {
      const { bundle } = requireLink(userId as string, params.accountId);
      return yearConsumptionView(compute(bundle, query.year));
    },
    { authenticate },
  ),
  mockRoute(
    routes.consumption.csv,
    ({ input: { params, query }, userId }) => {
      const { bundle } = requireLink(userId as string, params.accountId);
      return consumptionCsv(compute(bundle, query.year));
    },
    {
      authenticate,
      text: {
        contentType: "text/csv; charset=utf-8",
        headers: ({ input: { params, query } }) => ({
          "content-disposition": `attachment; filename="${consumptionFileName(findAccount(params.accountId)?.account.number ?? "", query.year)}"`,
        }),
      },
    },
  ),
  mockRoute(
    routes.consumption.thisMonth,
    ({ input: { params }, userId }) => {
      const { bundle } = requireLink(userId as string, params.accountId);
      const now = mockClock.now();
      const lastBill = bundle.bills.reduce<string | null>(
        (last, b) => (!last || b.period > last ? b.period : last),
        null,
      );
      return thisMonthView({
        ...metersAndReadings(bundle),
        lastBilledMonth: lastBill,
        rates: ratesOf(bundle, now),
        now,
      });
    },
    { authenticate },
  ),
  mockRoute(
    routes.consumption.tariffComparison,
    ({ input: { params }, userId }) => {
      const { bundle } = requireLink(userId as string, params.accountId);
      const now = mockClock.now();
      return tariffComparisonView({
        ...metersAndReadings(bundle, true),
        rates: supplierTariffs(bundle, now),
        currentPlan: accountFacts(bundle).tariffPlan,
        now,
      });
    },
    { authenticate },
  ),
];
