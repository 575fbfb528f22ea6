import { SESSION_HINT_COOKIE } from "@lk/contract";
import type { FastifyReply } from "fastify";
import type { Config } from "../../config.ts";
import type { OpenedSession } from "./service.ts";

export const REFRESH_COOKIE = "lk_refresh";
const COOKIE_PATH = "/api/auth";

const base = (config: Config) => ({ sameSite: "strict", secure: config.cookieSecure }) as const;

/** A session to the browser: the refresh cookie, the readable hint beside it, and the access token. */
export async function sendSession(reply: FastifyReply, session: OpenedSession, config: Config) {
  const maxAge = config.REFRESH_TOKEN_TTL_DAYS * 86_400;
  const cookie = base(config);
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, { ...cookie, path: COOKIE_PATH, httpOnly: true, maxAge });
  reply.setCookie(SESSION_HINT_COOKIE, "1", { ...cookie, path: "/", httpOnly: false, maxAge });
  const accessToken = await reply.jwtSign({ sub: session.user.id, sid: session.familyId, role: session.user.role });
  return { accessToken, expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, user: session.user };
}

/** The session is over for this browser: both cookies go. */
export function clearSession(reply: FastifyReply, config: Config): void {
  const cookie = base(config);
  reply.clearCookie(REFRESH_COOKIE, { ...cookie, path: COOKIE_PATH, httpOnly: true });
  reply.clearCookie(SESSION_HINT_COOKIE, { ...cookie, path: "/" });
}
