import { routes } from "@lk/contract";
import type { FastifyInstance } from "fastify";
import type { Config } from "../../config.ts";
import { registerRoute } from "../../lib/contract-route.ts";
import { undoContactChange } from "../profile/contact-undo.ts";
import { confirmPasswordReset, type PasswordResetDeps, requestPasswordReset } from "./password-reset.ts";
import * as auth from "./service.ts";
import { clearSession, REFRESH_COOKIE, sendSession } from "./session-cookies.ts";

export function authRoutes(
  app: FastifyInstance,
  deps: auth.AuthDeps & Pick<PasswordResetDeps, "publicUrl">,
  config: Config,
): void {
  const limit = { max: config.RATE_LIMIT_AUTH_PER_MINUTE, timeWindow: "1 minute" };
  const answer = (reply: Parameters<typeof sendSession>[0], session: auth.OpenedSession) =>
    sendSession(reply, session, config);
  const endSession = (reply: Parameters<typeof clearSession>[0]) => clearSession(reply, config);

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

  registerRoute(
    app,
    routes.auth.undoContactChange,
    async ({ body, reply }) => {
      const restored = await undoContactChange(deps, body.token);
      // Every session ended, this browser's too.
      endSession(reply);
      return restored;
    },
    { rateLimit: limit },
  );

  registerRoute(app, routes.auth.me, async ({ request }) => auth.currentUser(deps, request.user.sub));
}
