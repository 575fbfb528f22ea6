// The supplier's tariffs as the statements load them. Which rate is in force on a day is not
// decided here but by @lk/domain (`ratesOn`, `rateOfMonth`, over the supplier's calendar day), for
// the readings page, «Этот месяц», the tariff comparison and the mock alike.

const DAY_MS = 86_400_000;

/**
 * The tariffs of the account `a`'s supplier (of its plan only when `ofPlan`) that had not ended by
 * the date `since` (an SQL parameter), as JSON the domain's `TariffRate` reads.
 */
export const tariffsJson = (since: string, ofPlan = false) =>
  `(SELECT coalesce(json_agg(json_build_object('plan', t.plan, 'zone', t.zone, 'rateKopecks', t."rateKopecks",
                                   'validFrom', to_char(t."validFrom", 'YYYY-MM-DD'),
                                   'validTo', to_char(t."validTo", 'YYYY-MM-DD')) ORDER BY t."validFrom", t.zone), '[]'::json)
      FROM "Tariff" t
     WHERE t."supplierId" = a."supplierId"${ofPlan ? ` AND t.plan = a."tariffPlan"` : ""}
       AND (t."validTo" IS NULL OR t."validTo" >= ${since}::date))`;

/**
 * How far back today's tariffs are loaded: two UTC days before `now` take in the supplier's
 * calendar day in any time zone, and little more than the tariffs in force.
 */
export const todaysTariffsSince = (now: Date) => new Date(now.getTime() - 2 * DAY_MS).toISOString().slice(0, 10);
