import { routes } from "@lk/contract";
import { type Scenario, step } from "../scenario.ts";

const unique = () => `parity-auth-${Math.random().toString(36).slice(2, 10)}@example.ru`;

export const authScenarios: Scenario[] = [
  {
    feature: "auth",
    name: "registration, a taken address, sign-in wrong and right, who am I, signing out",
    async run(api) {
      const email = unique();
      const body = { email, fullName: "Паритетов Тест", password: "Secret-123" };
      const session = await api.call("register", routes.auth.register, { body });
      api.see(session.user.email === email);
      await api.call("register again", routes.auth.register, { body: { ...body, email: email.toUpperCase() } });
      await api.call("weak password", routes.auth.register, { body: { ...body, email: unique(), password: "123" } });
      await api.call("wrong password", routes.auth.signIn, { body: { login: email, password: "Wrong-123" } });
      const signedIn = await api.call("sign in", routes.auth.signIn, {
        body: { login: email, password: "Secret-123" },
      });
      const me = await api.call("me", routes.auth.me, {}, signedIn.accessToken);
      api.see(me.email === email);
      await api.call("me without a token", routes.auth.me);
      await api.call("sign out", routes.auth.signOut, {}, signedIn.accessToken);
    },
    expected: [
      step("register", 201, undefined, true),
      step("register again", 409, "EMAIL_TAKEN"),
      step("weak password", 400, "VALIDATION_FAILED"),
      step("wrong password", 401, "INVALID_CREDENTIALS"),
      step("sign in", 200),
      step("me", 200, undefined, true),
      step("me without a token", 401, "UNAUTHORIZED"),
      step("sign out", 204),
    ],
  },
  {
    feature: "auth",
    name: "the refresh cookie: none yet, a new session for it (twice, as it rotates), none after signing out",
    async run(api) {
      await api.call("refresh without a cookie", routes.auth.refresh);
      const email = unique();
      await api.setup(() =>
        api.call("register", routes.auth.register, {
          body: { email, fullName: "Паритетов Тест", password: "Secret-123" },
        }),
      );
      const refreshed = await api.call("refresh", routes.auth.refresh);
      api.see(refreshed.user.email === email);
      await api.call("me with its token", routes.auth.me, {}, refreshed.accessToken);
      const again = await api.call("refresh again", routes.auth.refresh);
      await api.call("sign out", routes.auth.signOut);
      await api.call("refresh after signing out", routes.auth.refresh);
      await api.call("me after signing out", routes.auth.me, {}, again.accessToken);
    },
    expected: [
      step("refresh without a cookie", 401, "SESSION_EXPIRED"),
      step("refresh", 200, undefined, true),
      step("me with its token", 200),
      step("refresh again", 200),
      step("sign out", 204),
      step("refresh after signing out", 401, "SESSION_EXPIRED"),
      step("me after signing out", 401, "UNAUTHORIZED"),
    ],
  },
  {
    feature: "auth",
    name: "«Забыли пароль?» answers alike for any address; a link that is not one is refused",
    async run(api) {
      const email = unique();
      await api.setup(() =>
        api.call("register", routes.auth.register, {
          body: { email, fullName: "Паритетов Тест", password: "Secret-123" },
        }),
      );
      await api.call("known address", routes.auth.passwordReset, { body: { email } });
      await api.call("unknown address", routes.auth.passwordReset, { body: { email: unique() } });
      const { messages } = await api.call("outbox", routes.outbox.list, { query: { to: email } });
      api.see(messages.map((m) => m.kind));
      await api.call("bogus link", routes.auth.passwordResetConfirm, {
        body: { token: "x".repeat(43), password: "Another-123" },
      });
    },
    expected: [
      step("known address", 204),
      step("unknown address", 204),
      step("outbox", 200, undefined, ["PASSWORD_RESET"]),
      step("bogus link", 410, "RESET_TOKEN_INVALID"),
    ],
  },
  {
    feature: "system",
    name: "health",
    async run(api) {
      await api.call("live", routes.system.live);
      await api.call("ready", routes.system.ready);
      await api.call("health", routes.system.health);
    },
    expected: [step("live", 200), step("ready", 200), step("health", 200)],
  },
];
