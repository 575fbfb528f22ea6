import { normalizeLogin, routes, type User } from "@lk/contract";
import { mockRoute } from "../contract-handler.ts";
import { authenticate } from "../mock-auth.ts";
import { mockDb, randomToken } from "../mock-db.ts";
import { MockError } from "../mock-error.ts";

const ACCESS_TTL = 900;

function openSession(user: User) {
  const accessToken = randomToken("mock-access");
  const refreshToken = randomToken("mock-refresh");
  mockDb.state.accessTokens[accessToken] = user.id;
  mockDb.state.refreshTokens[refreshToken] = user.id;
  mockDb.state.currentRefreshToken = refreshToken;
  mockDb.save();
  return { accessToken, expiresIn: ACCESS_TTL, user };
}

function publicUser({ password: _, ...user }: User & { password: string }): User {
  return user;
}

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
      if (!token || !user) throw new MockError("SESSION_EXPIRED");
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
