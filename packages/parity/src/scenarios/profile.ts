import { routes } from "@lk/contract";
import { type Scenario, step } from "../scenario.ts";
import { customer, linked, newestCode } from "../world.ts";

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
      const code = newestCode(messages);
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
  {
    feature: "profile",
    name: "a new e-mail by its code; «Это был не я» from the old address puts it back, once, and ends the sessions",
    async run(api) {
      // Not confirmed by a code in setup: one code a minute, and the clock stands still.
      const c = await customer(api, { confirmed: false });
      const fresh = `new-${c.email}`;
      await api.call(
        "code to the new address",
        routes.profile.sendContactCode,
        { body: { kind: "EMAIL", value: fresh, currentPassword: "Secret-123" } },
        c.token,
      );
      const sent = await api.call("outbox of the new address", routes.outbox.list, { query: { to: fresh } });
      const changed = await api.call(
        "confirm",
        routes.profile.confirmContact,
        { body: { kind: "EMAIL", code: newestCode(sent.messages) } },
        c.token,
      );
      api.see(changed?.email === fresh);
      const { messages } = await api.call("outbox of the old address", routes.outbox.list, { query: { to: c.email } });
      api.see(messages.map((m) => m.kind));
      const token = /[?&]token=([\w-]+)/.exec(messages[0]?.text ?? "")?.[1] ?? "";
      await api.call("a link that is not one", routes.auth.undoContactChange, { body: { token: "x".repeat(43) } });
      const undone = await api.call("undo", routes.auth.undoContactChange, { body: { token } });
      api.see([undone?.kind, undone?.value === c.email]);
      await api.call("undo again", routes.auth.undoContactChange, { body: { token } });
      await api.call("me after the undo", routes.auth.me, {}, c.token);
      await api.call("refresh after the undo", routes.auth.refresh);
      const login = (email: string) => ({ body: { login: email, password: "Secret-123" } });
      await api.call("sign in with the new address", routes.auth.signIn, login(fresh));
      // The password whoever changed the address knew is over; the undo's reset token sets a new one.
      await api.call("sign in with the old address and the old password", routes.auth.signIn, login(c.email));
      await api.call("new password by the undo's token", routes.auth.passwordResetConfirm, {
        body: { token: undone?.passwordResetToken ?? "", password: "Mine-again-1" },
      });
      await api.call("sign in with the old address and the new password", routes.auth.signIn, {
        body: { login: c.email, password: "Mine-again-1" },
      });
    },
    expected: [
      step("code to the new address", 201),
      step("outbox of the new address", 200),
      step("confirm", 200, undefined, true),
      step("outbox of the old address", 200, undefined, ["CONTACT_CHANGED"]),
      step("a link that is not one", 410, "UNDO_LINK_INVALID"),
      step("undo", 200, undefined, ["EMAIL", true]),
      step("undo again", 410, "UNDO_LINK_INVALID"),
      step("me after the undo", 401, "UNAUTHORIZED"),
      step("refresh after the undo", 401, "SESSION_EXPIRED"),
      step("sign in with the new address", 401, "INVALID_CREDENTIALS"),
      step("sign in with the old address and the old password", 401, "INVALID_CREDENTIALS"),
      step("new password by the undo's token", 204),
      step("sign in with the old address and the new password", 200),
    ],
  },
  {
    feature: "profile",
    name: "a phone typed at registration but never proved goes to the customer who proves it",
    async run(api) {
      const phone = `+7916${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;
      const squatter = await api.setup(async () => {
        const email = `squatter-${Math.random().toString(36).slice(2, 10)}@example.ru`;
        await api.call("register with the number", routes.auth.register, {
          body: { email, fullName: "Чужой Номер", password: "Secret-123", phone },
        });
        return email;
      });
      const owner = await customer(api);
      await api.call(
        "code to the number",
        routes.profile.sendContactCode,
        { body: { kind: "PHONE", value: phone, currentPassword: "Secret-123" } },
        owner.token,
      );
      const { messages } = await api.call("outbox of the number", routes.outbox.list, { query: { to: phone } });
      const proved = await api.call(
        "confirm",
        routes.profile.confirmContact,
        { body: { kind: "PHONE", code: newestCode(messages) } },
        owner.token,
      );
      api.see([proved.phone === phone, proved.phoneConfirmed]);
      const session = await api.call("the squatter signs in", routes.auth.signIn, {
        body: { login: squatter, password: "Secret-123" },
      });
      const profile = await api.call("the squatter's profile", routes.profile.get, {}, session.accessToken);
      api.see(profile.phone);
    },
    expected: [
      step("code to the number", 201),
      step("outbox of the number", 200),
      step("confirm", 200, undefined, [true, true]),
      step("the squatter signs in", 200),
      step("the squatter's profile", 200, undefined, null),
    ],
  },
];
