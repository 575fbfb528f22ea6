import { accountHandlers } from "./accounts.ts";
import { authHandlers } from "./auth.ts";
import { consumptionHandlers } from "./consumption.ts";
import { paymentHandlers } from "./payments.ts";
import { readingHandlers } from "./readings.ts";
import { systemHandlers } from "./system.ts";

/** Every contract route, answered in the browser. Later features add theirs here. */
export const handlers = [
  ...authHandlers,
  ...accountHandlers,
  ...readingHandlers,
  ...consumptionHandlers,
  ...paymentHandlers,
  ...systemHandlers,
];
