import { normalizeLogin, routes, SESSION_HINT_COOKIE, type User } from "@lk/contract";
import { mockRoute } from "../contract-handler.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { type MockUser, mockDb, randomToken } from "../mock-db.ts";
import { MockError } from "../mock-error.ts";
import { randomUrlSafe, sendMessage } from "../mock-outbox.ts";
import { endSessions } from "../mock-profile.ts";

const ACCESS_TTL = 900;

/** The server's readable session hint, as it sets and clears it beside the refresh cookie. */
function setSessionHint(on: boolean) {
  if (typeof document === "undefined") return;
  // biome-ignore lint/suspicious/noDocumentCookie: the mock stands in for the server's Set-Cookie (the Cookie Store API is not in every browser nor in jsdom)
  document.cookie = `${SESSION_HINT_COOKIE}=${on ? "1" : ""}; path=/; SameSite=Strict; max-age=${on ? 30 * 86_400 : 0}`;
}

function openSession(user: User) {
  setSessionHint(true);
  const accessToken = randomToken("mock-access");
  const refreshToken = randomToken("mock-refresh");
  mockDb.state.accessTokens[accessToken] = user.id;
  mockDb.state.refreshTokens[refreshToken] = user.id;
  mockDb.state.currentRefreshToken = refreshToken;
  mockDb.save();
  return { accessToken, expiresIn: ACCESS_TTL, user };
}

function publicUser({ password: _, emailConfirmed: __, newsletter: ___, ...user }: MockUser): User {
  return user;
}

const RESET_TTL_MS = 60 * 60_000;
const RESETS_PER_HOUR = 3;

const opts = { authenticate };

export const authHandlers = [
  mockRoute(
    routes.auth.register,
    ({ input: { body } }) => {
      const { users } = mockDb.state;
      if (users.some((u) => u.email === body.email)) {
        throw new MockError("EMAIL_TAKEN", undefined, {
          location: "body",
          fields: [{ path: "email", message: "Этот адрес электронной почты уже зарегистрирован." }],
        });
      }
      if (body.phone && users.some((u) => u.phone === body.phone)) {
        throw new MockError("PHONE_TAKEN", undefined, {
          location: "body",
          fields: [{ path: "phone", message: "Этот номер телефона уже зарегистрирован." }],
        });
      }
      const user = {
        id: crypto.randomUUID(),
        email: body.email,
        phone: body.phone ?? null,
        fullName: body.fullName,
        role: "CUSTOMER" as const,
        password: body.password,
        emailConfirmed: false,
        newsletter: false,
      };
      users.push(user);
      return openSession(publicUser(user));
    },
    opts,
  ),
  mockRoute(
    routes.auth.signIn,
    ({ input: { body } }) => {
      const login = normalizeLogin(body.login);
      const user = mockDb.state.users.find((u) => u.email === login || u.phone === login);
      if (!user || user.password !== body.password) throw new MockError("INVALID_CREDENTIALS");
      return openSession(publicUser(user));
    },
    opts,
  ),
  mockRoute(
    routes.auth.refresh,
    () => {
      const token = mockDb.state.currentRefreshToken;
      const userId = token ? mockDb.state.refreshTokens[token] : undefined;
      const user = mockDb.state.users.find((u) => u.id === userId);
      if (!token || !user) {
        setSessionHint(false);
        throw new MockError("SESSION_EXPIRED");
      }
      delete mockDb.state.refreshTokens[token];
      return openSession(publicUser(user));
    },
    opts,
  ),
  mockRoute(
    routes.auth.signOut,
    () => {
      const token = mockDb.state.currentRefreshToken;
      const userId = token ? mockDb.state.refreshTokens[token] : undefined;
      for (const [access, owner] of Object.entries(mockDb.state.accessTokens)) {
        if (owner === userId) delete mockDb.state.accessTokens[access];
      }
      if (token) delete mockDb.state.refreshTokens[token];
      mockDb.state.currentRefreshToken = null;
      mockDb.save();
      setSessionHint(false);
      return undefined;
    },
    opts,
  ),
  mockRoute(
    routes.auth.passwordReset,
    ({ input: { body }, request }) => {
      // The same answer whether or not the address is registered; only a real customer gets mail.
      const user = mockDb.state.users.find((u) => u.email === body.email);
      if (!user) return undefined;
      const now = mockClock.now();
      // Three mails an hour; more requests get the same answer and send nothing.
      const recent = mockDb.state.passwordResets.filter(
        (r) => r.userId === user.id && now.getTime() - Date.parse(r.createdAt) < 60 * 60_000,
      );
      if (recent.length >= RESETS_PER_HOUR) return undefined;
      const token = randomUrlSafe(32);
      mockDb.state.passwordResets.push({
        userId: user.id,
        token,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + RESET_TTL_MS).toISOString(),
        usedAt: null,
      });
      const link = `${new URL(request.url).origin}/reset-password?token=${token}`;
      sendMessage({
        channel: "EMAIL",
        kind: "PASSWORD_RESET",
        to: user.email,
        subject: "Восстановление пароля",
        text: [
          "Здравствуйте!",
          "",
          "Чтобы задать новый пароль для входа в личный кабинет, откройте ссылку:",
          link,
          "",
          "Ссылка действует 1 час и только один раз. Если вы не просили восстановить пароль, ничего не делайте: пароль останется прежним.",
        ].join("\n"),
      });
      return undefined;
    },
    opts,
  ),
  mockRoute(
    routes.auth.passwordResetConfirm,
    ({ input: { body } }) => {
      const now = mockClock.now();
      const reset = mockDb.state.passwordResets.find((r) => r.token === body.token);
      const user = mockDb.state.users.find((u) => u.id === reset?.userId);
      if (!reset || !user || reset.usedAt || now.getTime() > Date.parse(reset.expiresAt)) {
        throw new MockError("RESET_TOKEN_INVALID");
      }
      for (const other of mockDb.state.passwordResets) {
        if (other.userId === user.id && !other.usedAt) other.usedAt = now.toISOString();
      }
      user.password = body.password;
      // The link proves the mailbox, so the address counts as confirmed (as in the API).
      user.emailConfirmed = true;
      endSessions(user.id);
      return undefined;
    },
    opts,
  ),
  mockRoute(
    routes.auth.me,
    ({ userId }) => {
      const user = mockDb.state.users.find((u) => u.id === userId);
      if (!user) throw new MockError("UNAUTHORIZED");
      return publicUser(user);
    },
    opts,
  ),
];
