import { type AccountBundle, DEFAULT_SEED, tariffsOf } from "@lk/demo-data";
import { ratesOn, tariffDay, type Zone } from "@lk/domain";
import { type MockReading, mockDb } from "./mock-db.ts";
import { accountFacts } from "./mock-service-requests.ts";

/** One reading of a meter as the API's table holds it, whether generated or sent through the mock. */
export interface MeterReadingRow {
  id: string;
  meterId: string;
  takenAt: Date;
  createdAt: Date;
  source: MockReading["source"];
  values: Partial<Record<Zone, number>>;
  status: MockReading["status"];
}

/**
 * All readings of a meter: the generated world's (rebuilt on every start, so a replacement of one
 * is kept as its id) and the ones stored in the mock's state, in no particular order.
 */
export function readingsOfMeter(bundle: AccountBundle, meterId: string): MeterReadingRow[] {
  const replaced = new Set(mockDb.state.replacedReadingIds);
  const generated = bundle.readings
    .filter((r) => r.meterId === meterId)
    .map(
      (r): MeterReadingRow => ({
        id: r.id,
        meterId: r.meterId,
        takenAt: r.takenAt,
        createdAt: r.takenAt,
        source: r.source,
        values: r.values,
        status: replaced.has(r.id) ? "REPLACED" : "ACTIVE",
      }),
    );
  const stored = mockDb.state.readings
    .filter((r) => r.meterId === meterId)
    .map(
      (r): MeterReadingRow => ({
        id: r.id,
        meterId: r.meterId,
        takenAt: new Date(r.takenAt),
        createdAt: new Date(r.createdAt),
        source: r.source,
        values: r.values,
        status: r.status,
      }),
    );
  return [...generated, ...stored];
}

/** Newest first; two readings at the same instant by when they were stored, as the API orders them. */
export const newestFirst = (a: MeterReadingRow, b: MeterReadingRow) =>
  b.takenAt.getTime() - a.takenAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime();

/** Marks a reading replaced by a later submission in the same window (both stay in the history). */
export function markReplaced(reading: MeterReadingRow): void {
  const stored = mockDb.state.readings.find((r) => r.id === reading.id);
  if (stored) stored.status = "REPLACED";
  else mockDb.state.replacedReadingIds.push(reading.id);
}

/** Every tariff of the account's supplier, as the API's table holds them. */
export const supplierTariffs = (bundle: AccountBundle, now: Date) =>
  tariffsOf({ seed: DEFAULT_SEED, now }).filter((t) => t.supplierId === bundle.account.supplierId);

/** Today's rate of each zone of the account's plan (the world's suppliers keep Moscow time). */
export const ratesOf = (bundle: AccountBundle, now: Date) =>
  ratesOn(supplierTariffs(bundle, now), accountFacts(bundle).tariffPlan, tariffDay(now));
