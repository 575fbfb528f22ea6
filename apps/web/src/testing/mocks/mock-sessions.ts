import { type AuthSession, SESSION_HINT_COOKIE, type User } from "@lk/contract";
import { type MockUser, mockDb, randomToken } from "./mock-db.ts";

const ACCESS_TTL = 900;

/** The server's readable session hint, as it sets and clears it beside the refresh cookie. */
export function setSessionHint(on: boolean): void {
  if (typeof document === "undefined") return;
  // biome-ignore lint/suspicious/noDocumentCookie: the mock stands in for the server's Set-Cookie (the Cookie Store API is not in every browser nor in jsdom)
  document.cookie = `${SESSION_HINT_COOKIE}=${on ? "1" : ""}; path=/; SameSite=Strict; max-age=${on ? 30 * 86_400 : 0}`;
}

/** The user as the API answers them: no password, no profile flags. */
export function publicUser({
  password: _,
  emailConfirmed: __,
  phoneConfirmed: ___,
  newsletter: ____,
  ...user
}: MockUser): User {
  return user;
}

/** A new session for this browser: an access token, and the refresh "cookie" set to a new one. */
export function openSession(user: MockUser): AuthSession {
  setSessionHint(true);
  const accessToken = randomToken("mock-access");
  const refreshToken = randomToken("mock-refresh");
  mockDb.state.accessTokens[accessToken] = user.id;
  mockDb.state.refreshTokens[refreshToken] = user.id;
  mockDb.state.currentRefreshToken = refreshToken;
  mockDb.save();
  return { accessToken, expiresIn: ACCESS_TTL, user: publicUser(user) };
}

/** Ends every session of the user, in every browser (this one's refresh "cookie" too, if theirs). */
export function endSessions(userId: string): void {
  const { accessTokens, refreshTokens } = mockDb.state;
  for (const [token, owner] of Object.entries(accessTokens)) {
    if (owner === userId) delete accessTokens[token];
  }
  for (const [token, owner] of Object.entries(refreshTokens)) {
    if (owner === userId) delete refreshTokens[token];
  }
  const cookie = mockDb.state.currentRefreshToken;
  if (cookie && !refreshTokens[cookie]) mockDb.state.currentRefreshToken = null;
  mockDb.save();
}
