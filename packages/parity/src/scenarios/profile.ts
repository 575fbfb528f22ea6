import { routes } from "@lk/contract";
import { type Scenario, step } from "../scenario.ts";
import { customer, linked } from "../world.ts";

export const profileScenarios: Scenario[] = [
  {
    feature: "profile",
    name: "the profile, a confirmed e-mail by its code, the password, bills by e-mail",
    async run(api) {
      const c = await customer(api, { confirmed: false });
      api.see((await api.call("profile", routes.profile.get, {}, c.token)).emailConfirmed);
      const updated = await api.call("rename", routes.profile.update, { body: { fullName: "Иванова Анна" } }, c.token);
      api.see(updated.fullName);
      await api.call("nothing to change", routes.profile.update, { body: {} }, c.token);
      await api.call("code", routes.profile.sendContactCode, { body: { kind: "EMAIL", value: c.email } }, c.token);
      await api.call("wrong code", routes.profile.confirmContact, { body: { kind: "EMAIL", code: "000000" } }, c.token);
      const { messages } = await api.call("outbox", routes.outbox.list, { query: { to: c.email } });
      const code = /\b(\d{6})\b/.exec(messages[0]?.text ?? "")?.[1] ?? "";
      const confirmed = await api.call(
        "right code",
        routes.profile.confirmContact,
        { body: { kind: "EMAIL", code } },
        c.token,
      );
      api.see(confirmed.emailConfirmed);
      const accountId = await linked(api, c, 20);
      const delivery = await api.call("bill delivery", routes.profile.billDelivery, {}, c.token);
      api.see(delivery.accounts.map((a) => a.method));
      const set = await api.call(
        "by e-mail",
        routes.profile.setBillDelivery,
        { params: { accountId }, body: { method: "EMAIL" } },
        c.token,
      );
      api.see(set.method);
      await api.call(
        "wrong current password",
        routes.profile.changePassword,
        { body: { currentPassword: "Nope-1234", newPassword: "Another-123" } },
        c.token,
      );
      await api.call(
        "new password",
        routes.profile.changePassword,
        { body: { currentPassword: "Secret-123", newPassword: "Another-123" } },
        c.token,
      );
    },
    expected: [
      step("profile", 200, undefined, false),
      step("rename", 200, undefined, "Иванова Анна"),
      step("nothing to change", 400, "VALIDATION_FAILED"),
      step("code", 201),
      step("wrong code", 422, "CODE_INVALID"),
      step("outbox", 200),
      step("right code", 200, undefined, true),
      step("bill delivery", 200, undefined, ["PAPER"]),
      step("by e-mail", 200, undefined, "EMAIL"),
      step("wrong current password", 422, "WRONG_PASSWORD"),
      step("new password", 200),
    ],
  },
];
