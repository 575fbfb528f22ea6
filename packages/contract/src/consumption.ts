import { MeterValue, MeterZone, TariffPlan } from "./accounts.ts";
import { defineRoute } from "./route.ts";
import { z } from "./zod.ts";

export const MonthConsumption = z.object({
  /** `YYYY-MM` */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** ACTUAL: from readings; MISSING: no reading closes this month (not zero!); FUTURE: not yet. */
  status: z.enum(["ACTUAL", "MISSING", "FUTURE"]),
  /** kWh per zone (empty unless ACTUAL). */
  zones: z.array(z.object({ zone: MeterZone, kwh: MeterValue })),
  totalKwh: MeterValue.nullable(),
});
export type MonthConsumption = z.infer<typeof MonthConsumption>;

export const ConsumptionYear = z.object({
  year: z.number().int(),
  /** The account's zones, in order (a column per zone, a stack per zone). */
  zones: z.array(MeterZone),
  /** 12 months of the year asked for. */
  months: z.array(MonthConsumption),
  /** The same 12 months of the year before, for comparison. */
  previousYear: z.array(MonthConsumption),
});
export type ConsumptionYear = z.infer<typeof ConsumptionYear>;

export const ConsumptionQuery = z.strictObject({
  year: z.coerce
    .number({ error: "Укажите год." })
    .int("Укажите год числом.")
    .min(2000, "Данных раньше 2000 года нет.")
    .max(2100, "Укажите год не позже 2100."),
});

const Instant = z.iso.datetime({ offset: true });

/**
 * «Этот месяц»: the use since the readings the last bill was made from, with its cost at today's
 * rates, and a forecast for the month as a range (from the customer's pace and the same month
 * last year, as `basedOn` says). Either is null when there is nothing to base it on.
 */
export const ThisMonth = z.object({
  /** `YYYY-MM`, the supplier's current month. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  sinceBill: z.object({ from: Instant, to: Instant, kwh: MeterValue, costKopecks: z.number().int() }).nullable(),
  forecast: z
    .object({
      lowKwh: MeterValue,
      highKwh: MeterValue,
      lowKopecks: z.number().int(),
      highKopecks: z.number().int(),
      basedOn: z.array(z.enum(["OWN_PACE", "LAST_YEAR"])),
    })
    .nullable(),
});
export type ThisMonth = z.infer<typeof ThisMonth>;

const Month = z.string().regex(/^\d{4}-\d{2}$/);

/**
 * «Какой тариф выгоднее»: the last twelve whole months of actual readings (no estimated ones)
 * costed on each plan the supplier offered in all of them, at each month's rates, cheapest
 * first. `exact: false` marks a figure that rests on `assumption` (the meters do not measure
 * that plan's zones); `meterReplacement` a plan that needs a multi-zone meter. `plans` is empty
 * when fewer than three months have readings.
 */
export const TariffComparison = z.object({
  from: Month.nullable(),
  to: Month.nullable(),
  monthsCounted: z.number().int(),
  currentPlan: TariffPlan,
  plans: z.array(
    z.object({
      plan: TariffPlan,
      zones: z.array(z.object({ zone: MeterZone, kwh: MeterValue, costKopecks: z.number().int() })),
      costKopecks: z.number().int(),
      /** Against the current plan over the same months: negative is a saving. */
      differenceKopecks: z.number().int(),
      exact: z.boolean(),
      meterReplacement: z.boolean(),
    }),
  ),
  /** The cheapest plan when it is cheaper than the current one. */
  better: TariffPlan.nullable(),
  /** The typical shares an estimate assumes (0.25 = a quarter), when some figure is one. */
  assumption: z.object({ nightShare: z.number(), peakShareOfDay: z.number() }).nullable(),
});
export type TariffComparison = z.infer<typeof TariffComparison>;

const AccountParams = z.strictObject({ accountId: z.uuid({ error: "Неверный идентификатор счёта." }) });
const tag = "Потребление";

export const consumptionRoutes = {
  year: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/consumption",
    summary: "Потребление по месяцам и зонам за год (по фактическим показаниям) и за предыдущий год",
    tag,
    auth: true,
    params: AccountParams,
    query: ConsumptionQuery,
    status: 200,
    response: ConsumptionYear,
    errors: ["NOT_FOUND"],
  }),
  csv: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/consumption.csv",
    summary: "Те же цифры в CSV (text/csv; разделитель «;», десятичная запятая, UTF-8 с BOM)",
    tag,
    auth: true,
    params: AccountParams,
    query: ConsumptionQuery,
    status: 200,
    response: z.string(),
    errors: ["NOT_FOUND"],
  }),
  thisMonth: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/consumption/this-month",
    summary: "«Этот месяц»: расход и примерная стоимость с последнего счёта, прогноз на месяц (диапазон)",
    tag,
    auth: true,
    params: AccountParams,
    status: 200,
    response: ThisMonth,
    errors: ["NOT_FOUND"],
  }),
  tariffComparison: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/tariff-comparison",
    summary: "«Какой тариф выгоднее»: стоимость последних 12 месяцев по каждому тарифу поставщика",
    tag,
    auth: true,
    params: AccountParams,
    status: 200,
    response: TariffComparison,
    errors: ["NOT_FOUND"],
  }),
};
