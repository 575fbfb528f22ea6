import type { MeterReadingState } from "@lk/contract/readings";
import { checkReading, type MeterRule, milliOf, type ReadingWindow, type Zone } from "@lk/domain";

export type TypedValues = Partial<Record<Zone, string>>;

// The window and the meter's flags are the server's to judge; here only the digits are checked.
const OPEN: ReadingWindow = { open: true, from: "", to: "", daysLeft: null };

function ruleOf(meter: MeterReadingState, zones: Zone[] = meter.zones): MeterRule {
  return {
    zones,
    digitCapacity: meter.digitCapacity,
    decimalPlaces: meter.decimalPlaces,
    automated: false,
    faulty: false,
  };
}

function previousOf(meter: MeterReadingState): Partial<Record<Zone, number>> | null {
  if (!meter.previous) return null;
  return Object.fromEntries(meter.previous.values.map(({ zone, value }) => [zone, milliOf(value)]));
}

/**
 * What the customer typed, checked by the same rule as the server (checkReading), before sending:
 * errors they cannot override. The warnings (a rollover, a large jump) are the server's to ask about.
 */
export function readingFieldErrors(meter: MeterReadingState, values: TypedValues) {
  const check = checkReading({
    meter: ruleOf(meter),
    window: OPEN,
    previous: previousOf(meter),
    monthsSincePrevious: 1,
    averageMonthlyMilli: null,
    values,
    confirmRollover: true,
  });
  return check.kind === "invalid" ? check.fields : [];
}

export interface ZonePreview {
  zone: Zone;
  kwhMilli: number;
  costKopecks: number;
}

export interface ReadingPreview {
  /** The zones whose value is complete and plausible, in the meter's order. */
  zones: ZonePreview[];
  /** The estimate for the whole meter, once every zone has a value. */
  totalCostKopecks: number | null;
}

/**
 * The use and its cost as the customer types, zone by zone, with checkReading's rollover rule:
 * integer thousandths of a kWh and kopecks, rounded per zone as the server rounds them.
 */
export function previewReading(meter: MeterReadingState, values: TypedValues): ReadingPreview {
  const previous = previousOf(meter);
  const zones = meter.zones.flatMap((zone): ZonePreview[] => {
    const raw = values[zone]?.trim();
    if (!raw) return [];
    const check = checkReading({
      meter: ruleOf(meter, [zone]),
      window: OPEN,
      previous: previous && zone in previous ? { [zone]: previous[zone] } : null,
      monthsSincePrevious: 1,
      averageMonthlyMilli: null,
      values: { [zone]: raw },
      confirmRollover: true,
    });
    if (check.kind !== "ok") return [];
    const kwhMilli = check.consumption[zone] ?? 0;
    const rate = meter.rates.find((r) => r.zone === zone)?.rateKopecks ?? 0;
    return [{ zone, kwhMilli, costKopecks: Math.round((kwhMilli * rate) / 1000) }];
  });
  const complete = zones.length === meter.zones.length;
  return { zones, totalCostKopecks: complete ? zones.reduce((sum, z) => sum + z.costKopecks, 0) : null };
}
