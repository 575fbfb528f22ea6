import type { Observation, ParityApi } from "./client.ts";

/**
 * One scenario of a feature: what the customer does (the calls), and what each call must answer
 * (status and error code) with what the scenario notes of the state after it. Both runners run it
 * and compare with `expected`: a difference on either side is a failure.
 */
export interface Scenario {
  feature: string;
  name: string;
  run(api: ParityApi): Promise<void>;
  expected: Observation[];
}

/** An expected observation, briefly: `ok("step", 200)`, `ok("step", 422, "WRONG_ANSWER")`, with what was seen. */
export function step(name: string, status: number, code?: string, seen?: unknown): Observation {
  return { step: name, status, ...(code ? { code } : {}), ...(seen === undefined ? {} : { seen }) };
}
