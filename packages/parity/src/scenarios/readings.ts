import { routes } from "@lk/contract";
import { type Scenario, step } from "../scenario.ts";
import { customer, linked } from "../world.ts";

const KEY_1 = "6f1c2c1e-9a57-4d43-9a0e-7d0f5c1d2b01";
const KEY_2 = "6f1c2c1e-9a57-4d43-9a0e-7d0f5c1d2b02";

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
      step("state after", 200, undefined, [45]),
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
];
