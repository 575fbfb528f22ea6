import { routes, SESSION_HINT_COOKIE } from "@lk/contract";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Config } from "../../config.ts";
import { registerRoute } from "../../lib/contract-route.ts";
import { confirmPasswordReset, type PasswordResetDeps, requestPasswordReset } from "./password-reset.ts";
import * as auth from "./service.ts";

export const REFRESH_COOKIE = "lk_refresh";
const COOKIE_PATH = "/api/auth";

export function authRoutes(
  app: FastifyInstance,
  deps: auth.AuthDeps & Pick<PasswordResetDeps, "publicUrl">,
  config: Config,
): void {
  const limit = { max: config.RATE_LIMIT_AUTH_PER_MINUTE, timeWindow: "1 minute" };

  const cookie = { sameSite: "strict", secure: config.cookieSecure } as const;
  const endSession = (reply: FastifyReply) => {
    reply.clearCookie(REFRESH_COOKIE, { ...cookie, path: COOKIE_PATH, httpOnly: true });
    reply.clearCookie(SESSION_HINT_COOKIE, { ...cookie, path: "/" });
  };
  const answer = async (reply: FastifyReply, session: auth.OpenedSession) => {
    const maxAge = config.REFRESH_TOKEN_TTL_DAYS * 86_400;
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, { ...cookie, path: COOKIE_PATH, httpOnly: true, maxAge });
    reply.setCookie(SESSION_HINT_COOKIE, "1", { ...cookie, path: "/", httpOnly: false, maxAge });
    const accessToken = await reply.jwtSign({ sub: session.user.id, sid: session.familyId, role: session.user.role });
    return { accessToken, expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, user: session.user };
  };

  registerRoute(
    app,
    routes.auth.register,
    async ({ body, request, reply }) => answer(reply, await auth.register(deps, body, request.headers["user-agent"])),
    { rateLimit: limit },
  );

  registerRoute(
    app,
    routes.auth.signIn,
    async ({ body, request, reply }) =>
      answer(reply, await auth.signIn(deps, body, { ip: request.ip, userAgent: request.headers["user-agent"] })),
    { rateLimit: limit },
  );

  registerRoute(app, routes.auth.refresh, async ({ request, reply }) => {
    try {
      return await answer(
        reply,
        await auth.refresh(deps, request.cookies[REFRESH_COOKIE], request.headers["user-agent"]),
      );
    } catch (error) {
      endSession(reply);
      throw error;
    }
  });

  registerRoute(app, routes.auth.signOut, async ({ request, reply }) => {
    await auth.signOut(deps, request.cookies[REFRESH_COOKIE]);
    endSession(reply);
    return undefined;
  });

  registerRoute(
    app,
    routes.auth.passwordReset,
    async ({ body }) => {
      await requestPasswordReset(deps, body.email);
      return undefined;
    },
    { rateLimit: limit },
  );

  registerRoute(
    app,
    routes.auth.passwordResetConfirm,
    async ({ body }) => {
      await confirmPasswordReset(deps, body);
      return undefined;
    },
    { rateLimit: limit },
  );

  registerRoute(app, routes.auth.me, async ({ request }) => auth.currentUser(deps, request.user.sub));
}
