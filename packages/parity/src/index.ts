export { type Observation, ParityApi, type RawAnswer, type Send, uncoveredRoutes } from "./client.ts";
export { PARITY_PENDING } from "./pending.ts";
export type { Scenario } from "./scenario.ts";
export { PARITY_NOW } from "./world.ts";

import { accountScenarios } from "./scenarios/accounts.ts";
import { authScenarios } from "./scenarios/auth.ts";
import { consumptionScenarios } from "./scenarios/consumption.ts";
import { paymentScenarios } from "./scenarios/payments.ts";
import { profileScenarios } from "./scenarios/profile.ts";
import { readingScenarios } from "./scenarios/readings.ts";

/** Every scenario, by feature. */
export const scenarios = [
  ...authScenarios,
  ...accountScenarios,
  ...readingScenarios,
  ...paymentScenarios,
  ...consumptionScenarios,
  ...profileScenarios,
];
