import { routes } from "@lk/contract";
import { type Scenario, step } from "../scenario.ts";
import { customer, linked } from "../world.ts";

const KEY_1 = "6f1c2c1e-9a57-4d43-9a0e-7d0f5c1d2b01";
const KEY_2 = "6f1c2c1e-9a57-4d43-9a0e-7d0f5c1d2b02";
const KEY_3 = "6f1c2c1e-9a57-4d43-9a0e-7d0f5c1d2b03";
/** 2 000 kWh against last November's 308 on account 16: what both sides must say (the figures' spaces are non-breaking). */
const UNUSUAL_16 = {
  month: "2026-11",
  usedKwh: "2\u00a0000",
  baselineKwh: "308",
  basis: "LAST_YEAR",
  message:
    "Необычный расход: за ноябрь 2026 — 2\u00a0000 кВт·ч, в 6,5 раза больше, чем в тот же месяц прошлого года (308 кВт·ч). " +
    "Проверьте, не появился ли новый мощный прибор (обогреватель, бойлер, тёплый пол) и не остался ли он включённым.",
};
const YEAR = { from: "2026-01-01", to: "2026-11-20" };

export const readingScenarios: Scenario[] = [
  {
    feature: "readings",
    name: "a reading in the window: below the last refused, sent, sent again with its key, replaced by another",
    async run(api) {
      const c = await customer(api);
      const other = await customer(api);
      const accountId = await linked(api, c, 16);
      const state = await api.call("state", routes.readings.state, { params: { accountId } }, c.token);
      const meter = state.meters[0];
      if (!meter) throw new Error("the account has no meter");
      api.see([state.window.open, meter.accepts, meter.submittedThisWindow]);
      const previous = Number(meter.previous?.values[0]?.value ?? 0);
      const value = (kwh: number) => (previous + kwh).toFixed(meter.decimalPlaces);
      const params = { accountId, meterId: meter.meterId };
      await api.call(
        "below the last",
        routes.readings.submit,
        { params, body: { idempotencyKey: KEY_1, values: { T1: value(-5) } } },
        c.token,
      );
      const sent = await api.call(
        "send",
        routes.readings.submit,
        { params, body: { idempotencyKey: KEY_1, values: { T1: value(40) } } },
        c.token,
      );
      api.see(sent.consumption.map((z) => z.kwh));
      const again = await api.call(
        "same key",
        routes.readings.submit,
        { params, body: { idempotencyKey: KEY_1, values: { T1: value(40) } } },
        c.token,
      );
      api.see(again.reading.id === sent.reading.id);
      await api.call(
        "same key, other values",
        routes.readings.submit,
        { params, body: { idempotencyKey: KEY_1, values: { T1: value(41) } } },
        c.token,
      );
      await api.call(
        "replace",
        routes.readings.submit,
        { params, body: { idempotencyKey: KEY_2, values: { T1: value(45) } } },
        c.token,
      );
      const after = await api.call("state after", routes.readings.state, { params: { accountId } }, c.token);
      api.see(after.meters[0]?.submittedThisWindow?.values.map((v) => Number(v.value) - previous));
      api.see([sent.unusualUse, again.unusualUse]);
      const unusual = await api.call(
        "unusual",
        routes.readings.submit,
        { params, body: { idempotencyKey: KEY_3, values: { T1: value(2000) }, confirmLargeJump: true } },
        c.token,
      );
      api.see(unusual.unusualUse);
      await api.call("foreign state", routes.readings.state, { params: { accountId } }, other.token);
      await api.call(
        "foreign send",
        routes.readings.submit,
        { params, body: { idempotencyKey: KEY_2, values: { T1: value(50) } } },
        other.token,
      );
    },
    expected: [
      step("state", 200, undefined, [true, true, null]),
      step("below the last", 400, "VALIDATION_FAILED"),
      step("send", 201, undefined, ["40.000"]),
      step("same key", 201, undefined, true),
      step("same key, other values", 422, "IDEMPOTENCY_KEY_REUSED"),
      step("replace", 201),
      step("state after", 200, undefined, [45, null, null]),
      step("unusual", 201, undefined, UNUSUAL_16),
      step("foreign state", 404, "NOT_FOUND"),
      step("foreign send", 404, "NOT_FOUND"),
    ],
  },
  {
    feature: "readings",
    name: "АСКУЭ and faulty meters take no reading",
    async run(api) {
      const c = await customer(api);
      for (const [index, label] of [
        [3, "automated"],
        [4, "faulty"],
      ] as const) {
        const accountId = await linked(api, c, index);
        const state = await api.call(`${label}: state`, routes.readings.state, { params: { accountId } }, c.token);
        const meter = state.meters[0];
        api.see([meter?.accepts, meter?.refusal?.code]);
        await api.call(
          `${label}: send`,
          routes.readings.submit,
          {
            params: { accountId, meterId: meter?.meterId ?? "" },
            body: { idempotencyKey: KEY_1, values: { T1: "99999" } },
          },
          c.token,
        );
      }
    },
    expected: [
      step("automated: state", 200, undefined, [false, "METER_AUTOMATED"]),
      step("automated: send", 409, "METER_AUTOMATED"),
      step("faulty: state", 200, undefined, [false, "METER_FAULTY"]),
      step("faulty: send", 409, "METER_FAULTY"),
    ],
  },
  {
    feature: "readings",
    name: "the history for a period: the year's readings, newest first, a new one on top, its earlier one replaced",
    async run(api) {
      const c = await customer(api);
      const other = await customer(api);
      const accountId = await linked(api, c, 21);
      const before = await api.call("year", routes.readings.history, { params: { accountId }, query: YEAR }, c.token);
      api.see([before.readings.length, before.readings.every((r) => r.status === "ACTIVE")]);
      const state = await api.setup(() => api.call("state", routes.readings.state, { params: { accountId } }, c.token));
      const meter = state.meters[0];
      if (!meter) throw new Error("the account has no meter");
      const previous = Number(meter.previous?.values[0]?.value ?? 0);
      const params = { accountId, meterId: meter.meterId };
      for (const [key, kwh] of [
        [KEY_2, 30],
        [KEY_3, 35],
      ] as const) {
        const T1 = (previous + kwh).toFixed(meter.decimalPlaces);
        await api.setup(() =>
          api.call("send", routes.readings.submit, { params, body: { idempotencyKey: key, values: { T1 } } }, c.token),
        );
      }
      const after = await api.call(
        "year again",
        routes.readings.history,
        { params: { accountId }, query: YEAR },
        c.token,
      );
      api.see([
        after.readings.length - before.readings.length,
        // Both were taken at the same instant (the clock stands still): their order is not compared.
        after.readings
          .slice(0, 2)
          .map((r) => `${r.status} ${Number(r.values[0]?.value) - previous}`)
          .sort(),
      ]);
      const day = { from: "2026-11-20", to: "2026-11-20" };
      const today = await api.call("today", routes.readings.history, { params: { accountId }, query: day }, c.token);
      api.see(today.readings.map((r) => r.status).sort());
      const backwards = { from: "2026-11-20", to: "2026-01-01" };
      await api.call("to before from", routes.readings.history, { params: { accountId }, query: backwards }, c.token);
      await api.call("foreign", routes.readings.history, { params: { accountId }, query: YEAR }, other.token);
    },
    expected: [
      step("year", 200, undefined, [10, true]),
      step("year again", 200, undefined, [2, ["ACTIVE 35", "REPLACED 30"]]),
      step("today", 200, undefined, ["ACTIVE", "REPLACED"]),
      step("to before from", 400, "VALIDATION_FAILED"),
      step("foreign", 404, "NOT_FOUND"),
    ],
  },
];
