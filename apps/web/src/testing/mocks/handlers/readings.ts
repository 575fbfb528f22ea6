import {
  type MeterReadingState,
  type ReadingHistoryItem,
  type RouteParsed,
  routes,
  type SubmitReadingResult,
} from "@lk/contract";
import type { AccountBundle } from "@lk/demo-data";
import {
  acceptedValues,
  checkReading,
  DEFAULT_WINDOW,
  DomainError,
  meterReadingView,
  meterRefusal,
  monthOf,
  monthStart,
  monthsBetween,
  periodInstants,
  readingCost,
  readingFingerprint,
  readingSnapshot,
  readingWindow,
  requireSameRequest,
  USUAL_USE_BILLS,
  unusualUse,
  unusualUseNotice,
  usedMilliOf,
  usualMonthlyMilli,
  windowOpening,
} from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { requireLink } from "../mock-access.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { type MockReading, mockDb } from "../mock-db.ts";
import { sendNoticeOnce } from "../mock-outbox.ts";
import { type MeterReadingRow, markReplaced, newestFirst, ratesOf, readingsOfMeter } from "../mock-readings.ts";

// The same rules as apps/api/src/features/readings/service.ts, over the generated world and the
// mock's stored submissions. The suppliers of the world all keep the default window (15th–26th, Moscow).

const opts = { authenticate };
const rule = DEFAULT_WINDOW;
type Meter = AccountBundle["meters"][number];

function windowAt(now: Date) {
  const window = readingWindow(now, rule);
  // This month's window opening in the supplier's zone: readings before it are "previous".
  return { window, windowStart: windowOpening(now, rule) };
}

/** Usual monthly use over the last 12 bills, per meter, in thousandths of a kWh. */
function averageMonthlyMilli(bundle: AccountBundle): number | null {
  const bills = [...bundle.bills].sort((a, b) => (a.period < b.period ? 1 : -1)).slice(0, USUAL_USE_BILLS);
  const totalMilli = bills.reduce((sum, b) => sum + b.lines.reduce((s, l) => s + l.kwhMilli, 0), 0);
  return usualMonthlyMilli({ totalMilli, bills: bills.length }, bundle.meters.length);
}

/** What the same month's bill a year ago charged, per meter, thousandths of a kWh (null: no such bill). */
function lastYearMonthMilli(bundle: AccountBundle, now: Date): number | null {
  const month = monthOf(monthStart(monthOf(now, rule.timeZone), rule.timeZone, -12), rule.timeZone);
  const bill = bundle.bills.find((b) => b.period === month);
  if (!bill) return null;
  return bill.lines.reduce((sum, l) => sum + l.kwhMilli, 0) / Math.max(1, bundle.meters.length);
}

/** The last reading before this window, and what a customer already sent in it. */
function meterState(bundle: AccountBundle, meter: Meter, windowStart: Date) {
  const active = readingsOfMeter(bundle, meter.id)
    .filter((r) => r.status === "ACTIVE")
    .sort(newestFirst);
  return {
    previous: active.find((r) => r.takenAt < windowStart) ?? null,
    thisWindow: active.find((r) => r.source === "CUSTOMER" && r.takenAt >= windowStart) ?? null,
  };
}

const sortedMeters = (bundle: AccountBundle) =>
  [...bundle.meters].sort((a, b) => (a.serialNumber < b.serialNumber ? -1 : 1));

function toState(bundle: AccountBundle, meter: Meter, now: Date): MeterReadingState {
  const { window, windowStart } = windowAt(now);
  const { previous, thisWindow } = meterState(bundle, meter, windowStart);
  return meterReadingView(meter, {
    previous,
    thisWindow,
    refusal: meterRefusal(meter, window),
    usualMonthlyMilli: averageMonthlyMilli(bundle),
    rates: ratesOf(bundle, now),
  });
}

type SubmitBody = RouteParsed<typeof routes.readings.submit>["body"];

/** «Передать»: a retry with the same key returns the first answer; a second reading in the window replaces the first. */
function submit(userId: string, bundle: AccountBundle, meter: Meter, body: SubmitBody): SubmitReadingResult {
  const now = mockClock.now();
  const { window, windowStart } = windowAt(now);
  const { previous, thisWindow } = meterState(bundle, meter, windowStart);
  const previousValues = previous ? previous.values : null;
  const fingerprint = readingFingerprint({ meterId: meter.id, values: body.values });
  const existing = mockDb.state.readings.find(
    (r) => r.submittedById === userId && r.idempotencyKey === body.idempotencyKey,
  );
  let saved: MockReading;
  let replaced = false;
  if (existing) {
    // The key again with another meter or other values is not a retry of the first «Передать».
    requireSameRequest(existing.meterId === meter.id, existing.fingerprint ?? null, fingerprint);
    saved = existing;
  } else {
    const values = acceptedValues(
      checkReading({
        meter,
        window,
        previous: previousValues,
        monthsSincePrevious: previous ? monthsBetween(previous.takenAt, now, rule.timeZone) : 1,
        averageMonthlyMilli: averageMonthlyMilli(bundle),
        values: body.values,
        confirmRollover: body.confirmRollover,
        confirmLargeJump: body.confirmLargeJump,
      }),
    );
    if (thisWindow) markReplaced(thisWindow);
    replaced = thisWindow !== null;
    saved = {
      id: crypto.randomUUID(),
      meterId: meter.id,
      takenAt: now.toISOString(),
      createdAt: now.toISOString(),
      source: "CUSTOMER",
      values: Object.fromEntries(meter.zones.map((z) => [z, values[z] ?? 0])),
      status: "ACTIVE",
      submittedById: userId,
      idempotencyKey: body.idempotencyKey,
      fingerprint,
      contactPhone: body.contactPhone ?? null,
    };
    mockDb.state.readings.push(saved);
    mockDb.save();
  }
  const row: MeterReadingRow = { ...saved, takenAt: new Date(saved.takenAt), createdAt: new Date(saved.createdAt) };
  const cost = readingCost(meter, previousValues, saved.values, ratesOf(bundle, now));
  const unusual = unusualUse({
    month: monthOf(now, rule.timeZone),
    usedMilli: usedMilliOf(cost.consumption),
    months: previous ? monthsBetween(previous.takenAt, now, rule.timeZone) : 1,
    previousSource: previous?.source ?? null,
    lastYearMilli: lastYearMonthMilli(bundle, now),
    usualMilli: averageMonthlyMilli(bundle),
  });
  const to = mockDb.state.users.find((u) => u.id === userId)?.email;
  if (unusual && to) sendNoticeOnce(unusualUseNotice(to, bundle.account.number, meter.id, unusual));
  return {
    reading: { id: saved.id, meterId: meter.id, ...readingSnapshot(row, meter) },
    ...cost,
    replacedPrevious: replaced,
    unusualUse: unusual,
  };
}

/** Readings of all the account's meters in a period: Moscow calendar days, both ends inclusive, newest first. */
function history(bundle: AccountBundle, period: { from: string; to: string }): ReadingHistoryItem[] {
  const { from, to } = periodInstants(period, rule.timeZone);
  return bundle.meters
    .flatMap((meter) => readingsOfMeter(bundle, meter.id).map((r) => ({ r, meter })))
    .filter(({ r }) => r.takenAt >= from && r.takenAt < to)
    .sort((a, b) => newestFirst(a.r, b.r))
    .map(({ r, meter }) => ({
      id: r.id,
      meterId: meter.id,
      serialNumber: meter.serialNumber,
      status: r.status,
      ...readingSnapshot(r, meter),
    }));
}

export const readingHandlers = [
  mockRoute(
    routes.readings.state,
    ({ input: { params }, userId }) => {
      const { bundle } = requireLink(userId as string, params.accountId);
      const now = mockClock.now();
      return {
        now: now.toISOString(),
        window: windowAt(now).window,
        meters: sortedMeters(bundle).map((meter) => toState(bundle, meter, now)),
      };
    },
    opts,
  ),
  mockRoute(
    routes.readings.submit,
    ({ input: { params, body }, userId }) => {
      const { bundle } = requireLink(userId as string, params.accountId);
      const meter = bundle.meters.find((m) => m.id === params.meterId);
      if (!meter) throw new DomainError("NOT_FOUND", "Счётчик не найден.");
      return submit(userId as string, bundle, meter, body);
    },
    opts,
  ),
  mockRoute(
    routes.readings.history,
    ({ input: { params, query }, userId }) => {
      const { bundle } = requireLink(userId as string, params.accountId);
      return { readings: history(bundle, query) };
    },
    opts,
  ),
];
