import { accountRoutes } from "./accounts.ts";
import { authRoutes } from "./auth.ts";
import { consumptionRoutes } from "./consumption.ts";
import { healthRoutes } from "./health.ts";
import { outboxRoutes } from "./outbox.ts";
import { paymentRoutes } from "./payments.ts";
import { profileRoutes } from "./profile.ts";
import { readingRoutes } from "./readings.ts";
import { operatorRoutes, serviceRequestRoutes } from "./requests.ts";
import type { Route } from "./route.ts";

export * from "./accounts.ts";
export * from "./auth.ts";
export * from "./consumption.ts";
export * from "./control-characters.ts";
export * from "./errors.ts";
export * from "./fields.ts";
export * from "./health.ts";
export * from "./messages.ts";
export * from "./outbox.ts";
export * from "./payments.ts";
export * from "./profile.ts";
export * from "./readings.ts";
export * from "./receipts.ts";
export * from "./requests.ts";
export * from "./route.ts";
export * from "./usage-notices.ts";

/** The route table: every route of the API, by feature. */
export const routes = {
  auth: authRoutes,
  accounts: accountRoutes,
  readings: readingRoutes,
  consumption: consumptionRoutes,
  payments: paymentRoutes,
  profile: profileRoutes,
  requests: serviceRequestRoutes,
  operator: operatorRoutes,
  outbox: outboxRoutes,
  system: healthRoutes,
};

export const allRoutes: Route[] = Object.values(routes).flatMap((feature) => Object.values(feature) as Route[]);
