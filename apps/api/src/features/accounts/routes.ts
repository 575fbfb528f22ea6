import { type AccountDetails, routes } from "@lk/contract";
import type { FastifyInstance } from "fastify";
import { registerRoute } from "../../lib/contract-route.ts";
import { viewerOf } from "../auth/session-check.ts";
import { accountPageJson } from "./account-page.ts";
import { confirmLink, type LinkingDeps, startLink } from "./linking.ts";
import { listAccounts, listSuppliers, makePrimary, renameAccount, unlinkAccount } from "./service.ts";

export function accountRoutes(app: FastifyInstance, deps: LinkingDeps, answersPerMinute: number): void {
  const { db } = deps;
  registerRoute(app, routes.accounts.suppliers, async () => ({ suppliers: await listSuppliers(db) }));
  registerRoute(app, routes.accounts.list, async ({ request }) => ({
    accounts: await listAccounts(db, request.user.sub),
  }));
  registerRoute(app, routes.accounts.startLink, async ({ request, body }) => startLink(deps, request.user.sub, body));
  registerRoute(
    app,
    routes.accounts.confirmLink,
    async ({ request, body }) => ({ account: await confirmLink(deps, viewerOf(request, deps.clock), body) }),
    // Besides the per-account lock: one address cannot sweep many numbers quickly.
    { rateLimit: { max: answersPerMinute, timeWindow: "1 minute" }, sessionCheckedInQuery: true },
  );
  registerRoute(
    app,
    routes.accounts.get,
    // The contract's JSON as PostgreSQL wrote it (account-page.ts), typed as the page it is.
    async ({ request, params }) =>
      (await accountPageJson(db, viewerOf(request, deps.clock), params.accountId)) as unknown as AccountDetails,
    { sessionCheckedInQuery: true, prewrittenJson: true },
  );
  registerRoute(app, routes.accounts.unlink, async ({ request, params }) => {
    await unlinkAccount(db, request.user.sub, params.accountId);
    return undefined;
  });
  registerRoute(app, routes.accounts.makePrimary, async ({ request, params }) => ({
    accounts: await makePrimary(db, request.user.sub, params.accountId),
  }));
  registerRoute(app, routes.accounts.rename, async ({ request, params, body }) => ({
    accounts: await renameAccount(db, request.user.sub, params.accountId, body.nickname),
  }));
}
