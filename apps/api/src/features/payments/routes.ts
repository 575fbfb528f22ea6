import { routes } from "@lk/contract";
import type { FastifyInstance } from "fastify";
import { registerRoute } from "../../lib/contract-route.ts";
import { viewerOf } from "../auth/session-check.ts";
import {
  annulAutoPayment,
  applyAutoPayment,
  autoPaymentState,
  disableAutoPayment,
  rebindAutoPaymentCard,
} from "./autopayment.ts";
import {
  acceptAcquirerCallback,
  getBill,
  getPayment,
  listBills,
  listPayments,
  type PaymentsDeps,
  pay,
} from "./service.ts";

export function paymentRoutes(
  app: FastifyInstance,
  deps: PaymentsDeps & { acquirerSecret: string },
  paymentsPerMinute: number,
): void {
  const user = (request: { user: { sub: string } }) => request.user.sub;
  registerRoute(app, routes.payments.list, async ({ request, params, query }) => ({
    payments: await listPayments(deps, user(request), params.accountId, query),
  }));
  registerRoute(app, routes.payments.get, async ({ request, params }) =>
    getPayment(deps, user(request), params.accountId, params.paymentId),
  );
  registerRoute(
    app,
    routes.payments.pay,
    async ({ request, params, body }) => pay(deps, viewerOf(request, deps.clock), params.accountId, body),
    // The session is checked in the payment's own statement (queries.ts).
    { rateLimit: { max: paymentsPerMinute, timeWindow: "1 minute" }, sessionCheckedInQuery: true },
  );
  // No session: the acquirer calls it, and its signature is the proof (service.ts).
  registerRoute(app, routes.payments.acquirerCallback, async ({ body }) => acceptAcquirerCallback(deps, body));
  registerRoute(app, routes.payments.bills, async ({ request, params, query }) => ({
    bills: await listBills(deps, user(request), params.accountId, query),
  }));
  registerRoute(app, routes.payments.bill, async ({ request, params }) =>
    getBill(deps, user(request), params.accountId, params.billId),
  );
  registerRoute(app, routes.payments.autoPayment, async ({ request, params }) =>
    autoPaymentState(deps, user(request), params.accountId),
  );
  registerRoute(app, routes.payments.applyAutoPayment, async ({ request, params, body }) =>
    applyAutoPayment(deps, user(request), params.accountId, body),
  );
  registerRoute(app, routes.payments.bindAutoPaymentCard, async ({ request, params }) =>
    rebindAutoPaymentCard(deps, user(request), params.accountId),
  );
  registerRoute(app, routes.payments.disableAutoPayment, async ({ request, params, body }) =>
    disableAutoPayment(deps, user(request), params.accountId, body.reason),
  );
  registerRoute(app, routes.payments.annulAutoPayment, async ({ request, params }) =>
    annulAutoPayment(deps, user(request), params.accountId),
  );
}
