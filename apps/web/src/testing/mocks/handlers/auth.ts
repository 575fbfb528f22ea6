import { normalizeLogin, passwordResetMessage, passwordResetNoAccountMessage, routes } from "@lk/contract";
import { allowPasswordReset, DomainError, requireUsableLink, resetLimitSince } from "@lk/domain";
import { mockRoute } from "../contract-handler.ts";
import { authenticate } from "../mock-auth.ts";
import { mockClock } from "../mock-clock.ts";
import { undoContactChange } from "../mock-contact-undo.ts";
import { type MockUser, mockDb } from "../mock-db.ts";
import { randomUrlSafe, sendMessage } from "../mock-outbox.ts";
import { endSessions, openSession, publicUser, setSessionHint } from "../mock-sessions.ts";

const opts = { authenticate };

export const authHandlers = [
  mockRoute(
    routes.auth.register,
    ({ input: { body } }) => {
      const { users } = mockDb.state;
      if (users.some((u) => u.email === body.email)) {
        throw new DomainError("EMAIL_TAKEN", undefined, {
          location: "body",
          fields: [{ path: "email", message: "Этот адрес электронной почты уже зарегистрирован." }],
        });
      }
      if (body.phone && users.some((u) => u.phone === body.phone)) {
        throw new DomainError("PHONE_TAKEN", undefined, {
          location: "body",
          fields: [{ path: "phone", message: "Этот номер телефона уже зарегистрирован." }],
        });
      }
      const user: MockUser = {
        id: crypto.randomUUID(),
        email: body.email,
        phone: body.phone ?? null,
        fullName: body.fullName,
        role: "CUSTOMER",
        password: body.password,
        // Typed, not proved: each needs a code before it counts as confirmed.
        emailConfirmed: false,
        phoneConfirmed: false,
        newsletter: false,
      };
      users.push(user);
      return openSession(user);
    },
    opts,
  ),
  mockRoute(
    routes.auth.signIn,
    ({ input: { body } }) => {
      const login = normalizeLogin(body.login);
      const user = mockDb.state.users.find((u) => u.email === login || u.phone === login);
      if (!user || user.password !== body.password) throw new DomainError("INVALID_CREDENTIALS");
      return openSession(user);
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
        throw new DomainError("SESSION_EXPIRED");
      }
      delete mockDb.state.refreshTokens[token];
      return openSession(user);
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
      // The same answer whether or not the address is registered; the letter says which it was.
      const user = mockDb.state.users.find((u) => u.email === body.email);
      const now = mockClock.now();
      // Three letters an hour per address; more requests get the same answer and send nothing.
      const since = resetLimitSince(now).getTime();
      const sent = mockDb.state.passwordResets.filter((r) => r.email === body.email && Date.parse(r.createdAt) > since);
      const allowed = allowPasswordReset(sent.length, now);
      if (!allowed) return undefined;
      const token = randomUrlSafe(32);
      mockDb.state.passwordResets.push({
        email: body.email,
        token,
        createdAt: now.toISOString(),
        expiresAt: allowed.expiresAt.toISOString(),
        usedAt: null,
      });
      const origin = new URL(request.url).origin;
      sendMessage(
        user
          ? passwordResetMessage(user.email, `${origin}/reset-password?token=${token}`)
          : passwordResetNoAccountMessage(body.email, `${origin}/register`),
      );
      return undefined;
    },
    opts,
  ),
  mockRoute(
    routes.auth.passwordResetConfirm,
    ({ input: { body } }) => {
      const now = mockClock.now();
      const found = mockDb.state.passwordResets.find((r) => r.token === body.token);
      const reset = requireUsableLink(found, now, "RESET_TOKEN_INVALID");
      const user = mockDb.state.users.find((u) => u.email === reset.email);
      if (!user) throw new DomainError("RESET_TOKEN_INVALID");
      for (const other of mockDb.state.passwordResets) {
        if (other.email === reset.email && !other.usedAt) other.usedAt = now.toISOString();
      }
      user.password = body.password;
      // The link proves the mailbox, so the address counts as confirmed (as in the API).
      user.emailConfirmed = true;
      endSessions(user.id);
      return undefined;
    },
    opts,
  ),
  mockRoute(routes.auth.undoContactChange, ({ input: { body } }) => undoContactChange(body.token), opts),
  mockRoute(
    routes.auth.me,
    ({ userId }) => {
      const user = mockDb.state.users.find((u) => u.id === userId);
      if (!user) throw new DomainError("UNAUTHORIZED");
      return publicUser(user);
    },
    opts,
  ),
];
