import { accountHandlers } from "./accounts.ts";
import { authHandlers } from "./auth.ts";
import { consumptionHandlers } from "./consumption.ts";
import { operatorHandlers } from "./operator.ts";
import { outboxHandlers } from "./outbox.ts";
import { paymentHandlers } from "./payments.ts";
import { profileHandlers } from "./profile.ts";
import { readingHandlers } from "./readings.ts";
import { serviceRequestHandlers } from "./requests.ts";
import { systemHandlers } from "./system.ts";

/** Every contract route, answered in the browser. Later features add theirs here. */
export const handlers = [
  ...authHandlers,
  ...accountHandlers,
  ...readingHandlers,
  ...consumptionHandlers,
  ...paymentHandlers,
  ...profileHandlers,
  ...outboxHandlers,
  ...serviceRequestHandlers,
  ...operatorHandlers,
  ...systemHandlers,
];
