import { type Observation, ParityApi, type PayOnAcquirerPage, type Send } from "./client.ts";
import type { Scenario } from "./scenario.ts";

export {
  type Observation,
  type Outgoing,
  ParityApi,
  type PayOnAcquirerPage,
  type RawAnswer,
  type Send,
  uncoveredRoutes,
} from "./client.ts";
export type { CookieJar, SetCookie } from "./cookie-jar.ts";
export { PARITY_PENDING } from "./pending.ts";
export type { Scenario } from "./scenario.ts";
export { PARITY_NOW } from "./world.ts";

import { accountScenarios } from "./scenarios/accounts.ts";
import { authScenarios } from "./scenarios/auth.ts";
import { consumptionScenarios } from "./scenarios/consumption.ts";
import { operatorScenarios } from "./scenarios/operator.ts";
import { paymentScenarios } from "./scenarios/payments.ts";
import { profileScenarios } from "./scenarios/profile.ts";
import { readingScenarios } from "./scenarios/readings.ts";
import { requestScenarios } from "./scenarios/requests.ts";
import { tariffScenarios } from "./scenarios/tariffs.ts";

/** Every scenario, by feature. */
export const scenarios = [
  ...authScenarios,
  ...accountScenarios,
  ...readingScenarios,
  ...paymentScenarios,
  ...consumptionScenarios,
  ...tariffScenarios,
  ...profileScenarios,
  ...requestScenarios,
  ...operatorScenarios,
];

/** The scenarios grouped by feature, as both runners' `describe.each` and `it.each` take them. */
export const scenariosByFeature = [...new Set(scenarios.map((s) => s.feature))].map(
  (feature) => [feature, scenarios.filter((s) => s.feature === feature).map((s) => [s.name, s] as const)] as const,
);

/** Runs a scenario through a runner's `send`; what each of its steps saw, to compare with `expected`. */
export async function observe(scenario: Scenario, send: Send, acquirer?: PayOnAcquirerPage): Promise<Observation[]> {
  const api = new ParityApi(send, acquirer);
  await scenario.run(api);
  return api.observations;
}
