import { formatMilli } from "./meter-values.ts";
import type { Zone } from "./reading-check.ts";

// What the readings page shows of a meter, built once for the API and the mock (issue #19): both
// load their rows, decide with the rules beside this, and hand the facts here. The shapes are the
// contract's (`MeterReadingState`); the domain does not import the contract, TypeScript checks
// the fit where the API and the mock return them.

/** A reading as both shells hold it: values per zone in thousandths of a kWh. */
export interface ReadingToShow<Source extends string = string> {
  takenAt: Date | string;
  source: Source;
  values: Partial<Record<Zone, number | null>>;
}

export interface MeterToShow {
  id: string;
  serialNumber: string;
  model: string;
  zones: Zone[];
  digitCapacity: number;
  decimalPlaces: number;
}

/** A reading as the page shows it: the instant in ISO 8601, each of the meter's zones with its decimals. */
export function readingSnapshot<Source extends string>(
  reading: ReadingToShow<Source>,
  meter: Pick<MeterToShow, "zones" | "decimalPlaces">,
) {
  return {
    takenAt: typeof reading.takenAt === "string" ? reading.takenAt : reading.takenAt.toISOString(),
    source: reading.source,
    values: meter.zones.map((zone) => ({ zone, value: formatMilli(reading.values[zone] ?? 0, meter.decimalPlaces) })),
  };
}

/** One meter on the readings page: its last reading, this window's, whether it takes one, usual use and rates. */
export function meterReadingView<Source extends string, Refusal extends { code: string; message: string }>(
  meter: MeterToShow,
  facts: {
    previous: ReadingToShow<Source> | null;
    thisWindow: (ReadingToShow<Source> & { id: string }) | null;
    refusal: Refusal | null;
    usualMonthlyMilli: number | null;
    rates: { zone: Zone; rateKopecks: number }[];
  },
) {
  const { previous, thisWindow, refusal } = facts;
  return {
    meterId: meter.id,
    serialNumber: meter.serialNumber,
    model: meter.model,
    zones: meter.zones,
    digitCapacity: meter.digitCapacity,
    decimalPlaces: meter.decimalPlaces,
    previous: previous ? readingSnapshot(previous, meter) : null,
    submittedThisWindow: thisWindow ? { id: thisWindow.id, ...readingSnapshot(thisWindow, meter) } : null,
    accepts: refusal === null,
    refusal,
    averageMonthlyKwh: facts.usualMonthlyMilli === null ? null : formatMilli(facts.usualMonthlyMilli, 1),
    rates: facts.rates.filter((r) => meter.zones.includes(r.zone)),
  };
}

/** A meter on the account page (the contract's `MeterSummary`): its facts and its last reading. */
export function meterSummaryView<Source extends string>(
  meter: MeterToShow & { installedAt: string; verificationDue: string; automated: boolean; faulty: boolean },
  last: ReadingToShow<Source> | null,
) {
  return {
    id: meter.id,
    serialNumber: meter.serialNumber,
    model: meter.model,
    zones: meter.zones,
    digitCapacity: meter.digitCapacity,
    decimalPlaces: meter.decimalPlaces,
    installedAt: meter.installedAt,
    verificationDue: meter.verificationDue,
    automated: meter.automated,
    faulty: meter.faulty,
    lastReading: last ? readingSnapshot(last, meter) : null,
  };
}
