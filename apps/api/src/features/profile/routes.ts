import { routes } from "@lk/contract";
import type { FastifyInstance } from "fastify";
import type { Config } from "../../config.ts";
import { registerRoute } from "../../lib/contract-route.ts";
import { sendSession } from "../auth/session-cookies.ts";
import { listBillDelivery, setBillDelivery } from "./bill-delivery.ts";
import { confirmContact, sendContactCode } from "./contact-codes.ts";
import { changePassword, getProfile, type ProfileDeps, updateProfile } from "./service.ts";

export function profileRoutes(app: FastifyInstance, deps: ProfileDeps, config: Config): void {
  const { db } = deps;
  const limit = { rateLimit: { max: config.RATE_LIMIT_AUTH_PER_MINUTE, timeWindow: "1 minute" } };
  registerRoute(app, routes.profile.get, async ({ request }) => getProfile(db, request.user.sub));
  registerRoute(app, routes.profile.update, async ({ request, body }) => updateProfile(db, request.user.sub, body));
  registerRoute(
    app,
    routes.profile.sendContactCode,
    async ({ request, body }) => sendContactCode(deps, request.user.sub, body, request.ip),
    limit,
  );
  registerRoute(
    app,
    routes.profile.confirmContact,
    async ({ request, body }) => confirmContact(deps, request.user.sub, body),
    limit,
  );
  registerRoute(
    app,
    routes.profile.changePassword,
    async ({ request, reply, body }) => {
      const session = await changePassword(deps, request.user.sub, body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      return sendSession(reply, session, config);
    },
    limit,
  );
  registerRoute(app, routes.profile.billDelivery, async ({ request }) => ({
    accounts: await listBillDelivery(db, request.user.sub),
  }));
  registerRoute(app, routes.profile.setBillDelivery, async ({ request, params, body }) =>
    setBillDelivery(db, request.user.sub, params.accountId, body.method),
  );
}
