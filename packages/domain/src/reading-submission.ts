import { DomainError } from "./domain-error.ts";
import { formatMilli } from "./meter-values.ts";
import type { ReadingCheck, Zone } from "./reading-check.ts";
import { dayStart } from "./supplier-time.ts";

// What «Передать» answers once the reading is checked, and the period of the readings history:
// the same for the API and the mock.

type Values = Partial<Record<Zone, number>>;

/**
 * The values to store, or the refusal `checkReading` decided: a meter that takes no readings now
 * (its own code), values to fix (400 on the fields), or warnings to confirm (NEEDS_CONFIRMATION).
 */
export function acceptedValues(check: ReadingCheck): Values {
  switch (check.kind) {
    case "ok":
      return check.values;
    case "refused":
      throw new DomainError(check.code, check.message);
    case "invalid":
      throw new DomainError("VALIDATION_FAILED", undefined, { location: "body", fields: check.fields });
    case "confirm":
      throw new DomainError("NEEDS_CONFIRMATION", check.warnings.map((w) => w.message).join(" "), {
        warnings: check.warnings,
      });
  }
}

export interface ZoneCost {
  zone: Zone;
  /** kWh with three decimals, as text. */
  kwh: string;
  rateKopecks: number;
  costKopecks: number;
}

/**
 * Use since the previous reading and its cost at today's rates, per zone (thousandths of a kWh
 * in, kopecks out). A meter that went past its last digit counts on from zero; a first reading
 * has no use.
 */
export function readingCost(
  meter: { zones: Zone[]; digitCapacity: number },
  previous: Values | null,
  values: Values,
  rates: readonly { zone: Zone | string; rateKopecks: number }[],
): { consumption: ZoneCost[]; totalCostKopecks: number } {
  const capacity = 10 ** meter.digitCapacity * 1000;
  const consumption = meter.zones.map((zone) => {
    const before = previous?.[zone];
    const after = values[zone] ?? 0;
    const used = before === undefined ? 0 : after >= before ? after - before : capacity - before + after;
    const rateKopecks = rates.find((r) => r.zone === zone)?.rateKopecks ?? 0;
    return { zone, kwh: formatMilli(used, 3), rateKopecks, costKopecks: Math.round((used * rateKopecks) / 1000) };
  });
  return { consumption, totalCostKopecks: consumption.reduce((s, c) => s + c.costKopecks, 0) };
}

/**
 * A period of calendar days in the supplier's zone, both ends included, as instants: from the
 * start of the first day up to (not including) the start of the day after the last.
 */
export function periodInstants(period: { from: string; to: string }, timeZone: string): { from: Date; to: Date } {
  const dayAfter = new Date(Date.parse(`${period.to}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: dayStart(period.from, timeZone), to: dayStart(dayAfter, timeZone) };
}
