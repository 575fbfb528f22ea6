import { MeterValue, MeterZone, ReadingSource, ReadingValue } from "./accounts.ts";
import { Phone } from "./fields.ts";
import { defineRoute } from "./route.ts";
import { z } from "./zod.ts";

const IsoDate = z.iso.date({ error: "Укажите дату в формате ГГГГ-ММ-ДД." });
const Instant = z.iso.datetime({ offset: true });

export const ReadingWindow = z.object({
  open: z.boolean(),
  /** The current window when open, otherwise the next one (supplier's calendar days). */
  from: z.iso.date(),
  to: z.iso.date(),
  daysLeft: z.number().int().nullable(),
});

export const MeterRefusalCode = z.enum(["METER_AUTOMATED", "METER_FAULTY", "WINDOW_CLOSED"]);

const ReadingSnapshot = z.object({ takenAt: Instant, source: ReadingSource, values: z.array(ReadingValue) });

export const MeterReadingState = z.object({
  meterId: z.uuid(),
  serialNumber: z.string(),
  model: z.string(),
  zones: z.array(MeterZone),
  digitCapacity: z.number().int(),
  decimalPlaces: z.number().int(),
  /** The reading consumption is counted from: the last one before this window. */
  previous: ReadingSnapshot.nullable(),
  /** What the customer already sent in this window: a new submission replaces it. */
  submittedThisWindow: ReadingSnapshot.extend({ id: z.uuid() }).nullable(),
  accepts: z.boolean(),
  /** Why not, in words for the customer. */
  refusal: z.object({ code: MeterRefusalCode, message: z.string() }).nullable(),
  /** Usual monthly use of this meter, kWh (for the "3× the usual" check), when known. */
  averageMonthlyKwh: MeterValue.nullable(),
  /** Today's rate of each zone, for the cost estimate. */
  rates: z.array(z.object({ zone: MeterZone, rateKopecks: z.number().int() })),
});
export type MeterReadingState = z.infer<typeof MeterReadingState>;

export const ReadingsState = z.object({
  now: Instant,
  window: ReadingWindow,
  meters: z.array(MeterReadingState),
});
export type ReadingsState = z.infer<typeof ReadingsState>;

const ZoneInput = z.string({ error: "Введите показание." }).trim().max(20, "Слишком длинное значение.");

export const SubmitReadingBody = z.strictObject({
  /** A new UUID per press of «Передать»; a retry sends the same one. */
  idempotencyKey: z.uuid({ error: "Нужен ключ идемпотентности (UUID)." }),
  values: z.strictObject({ T1: ZoneInput.optional(), T2: ZoneInput.optional(), T3: ZoneInput.optional() }),
  /** The customer confirmed that the counter went past its last digit. */
  confirmRollover: z.boolean().optional(),
  /** The customer confirmed an unusually large consumption. */
  confirmLargeJump: z.boolean().optional(),
  contactPhone: z.union([z.literal("").transform(() => undefined), Phone]).optional(),
});
export type SubmitReadingBody = z.input<typeof SubmitReadingBody>;

export const ZoneCharge = z.object({
  zone: MeterZone,
  kwh: MeterValue,
  rateKopecks: z.number().int(),
  costKopecks: z.number().int(),
});

export const SubmitReadingResult = z.object({
  reading: ReadingSnapshot.extend({ id: z.uuid(), meterId: z.uuid() }),
  consumption: z.array(ZoneCharge),
  /** What this consumption costs at today's rates (an estimate; the bill decides). */
  totalCostKopecks: z.number().int(),
  /** Whether it replaced a reading sent earlier in this window. */
  replacedPrevious: z.boolean(),
  /** «Необычный расход»: the month used far more than last year's same month (or than usual); also sent by e-mail. */
  unusualUse: z
    .object({
      month: z.string(),
      usedKwh: z.string(),
      baselineKwh: z.string(),
      basis: z.enum(["LAST_YEAR", "USUAL"]),
      message: z.string(),
    })
    .nullable(),
});
export type SubmitReadingResult = z.infer<typeof SubmitReadingResult>;

export const ReadingHistoryQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "Дата «по» раньше даты «с»." });

export const ReadingHistoryItem = ReadingSnapshot.extend({
  id: z.uuid(),
  meterId: z.uuid(),
  serialNumber: z.string(),
  /** REPLACED: a later submission in the same window took its place. */
  status: z.enum(["ACTIVE", "REPLACED"]),
});
export type ReadingHistoryItem = z.infer<typeof ReadingHistoryItem>;

const AccountParams = z.strictObject({ accountId: z.uuid({ error: "Неверный идентификатор счёта." }) });
const MeterParams = AccountParams.extend({ meterId: z.uuid({ error: "Неверный идентификатор счётчика." }) });

const tag = "Показания";

export const readingRoutes = {
  state: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/readings/state",
    summary: "Можно ли передать показания сейчас: окно приёма, последние показания, причина отказа по каждому счётчику",
    tag,
    auth: true,
    params: AccountParams,
    status: 200,
    response: ReadingsState,
    errors: ["NOT_FOUND"],
  }),
  submit: defineRoute({
    method: "POST",
    path: "/api/accounts/:accountId/meters/:meterId/readings",
    summary:
      "«Передать»: показания всех зон счётчика; повтор с тем же idempotencyKey ничего не создаёт (с другими показаниями — 422 IDEMPOTENCY_KEY_REUSED)",
    tag,
    auth: true,
    params: MeterParams,
    body: SubmitReadingBody,
    status: 201,
    response: SubmitReadingResult,
    errors: [
      "NOT_FOUND",
      "WINDOW_CLOSED",
      "METER_AUTOMATED",
      "METER_FAULTY",
      "NEEDS_CONFIRMATION",
      "TOO_MANY_REQUESTS",
      "IDEMPOTENCY_KEY_REUSED",
    ],
  }),
  history: defineRoute({
    method: "GET",
    path: "/api/accounts/:accountId/readings",
    summary: "История показаний за период (from–to включительно, по московскому времени)",
    tag,
    auth: true,
    params: AccountParams,
    query: ReadingHistoryQuery,
    status: 200,
    response: z.object({ readings: z.array(ReadingHistoryItem) }),
    errors: ["NOT_FOUND"],
  }),
};
