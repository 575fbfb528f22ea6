import type { ServiceRequestChange, ServiceRequestStatus } from "@lk/contract/requests";
import { DomainError } from "./domain-error.ts";
import type { TariffPlan } from "./tariffs.ts";

// «Изменить данные» (заявки): what a change touches, when it changes nothing, and the request's
// life, decided once for the API and the mock.
//   SUBMITTED ──«Взять в работу»──▶ IN_REVIEW ──«Выполнить»──▶ DONE
//       └────────────────«Выполнить» / «Отклонить»─────────────▶ DONE / REJECTED
// An account has one open request (SUBMITTED or IN_REVIEW) of a kind at a time.

/** A request still waiting for the operator: one per account and kind at most. */
export const OPEN_REQUEST_STATUSES = ["SUBMITTED", "IN_REVIEW"] as const satisfies readonly ServiceRequestStatus[];

export const isOpenRequest = (status: ServiceRequestStatus): boolean =>
  (OPEN_REQUEST_STATUSES as readonly ServiceRequestStatus[]).includes(status);

/** «З-000042»: how a request's sequential number is shown and quoted in letters. */
export const requestNumber = (number: number): string => `З-${String(number).padStart(6, "0")}`;

/** The account's details a request may change (areas as text with two decimals, as stored). */
export interface AccountFacts {
  ownerName: string;
  residents: number;
  rooms: number;
  totalArea: string;
  livingArea: string;
  tariffPlan: TariffPlan;
}

/** What approving the change writes to the account. */
export function requestedFacts(change: ServiceRequestChange): Partial<AccountFacts> {
  switch (change.kind) {
    case "OWNER":
      return { ownerName: change.ownerName };
    case "RESIDENTS":
      return { residents: change.residents };
    case "ROOMS":
      return { rooms: change.rooms };
    case "AREA":
      return { totalArea: Number(change.totalArea).toFixed(2), livingArea: Number(change.livingArea).toFixed(2) };
    case "TARIFF":
      return { tariffPlan: change.tariffPlan };
  }
}

/** What the account holds now of the details the change names: the request's «было». */
export function factsBefore(change: ServiceRequestChange, facts: AccountFacts): Record<string, string | number> {
  const keys = Object.keys(requestedFacts(change)) as (keyof AccountFacts)[];
  return Object.fromEntries(keys.map((key) => [key, facts[key]]));
}

// A name and a plan exactly (the contract trims names); numbers and areas by value (54.3 is 54.30).
export const sameFact = (key: keyof AccountFacts, wanted: string | number | undefined, now: string | number) =>
  key === "ownerName" || key === "tariffPlan" ? wanted === now : Number(wanted) === Number(now);

/** The refusal of a value the account already holds. */
export const UNCHANGED = "Совпадает с текущим значением: менять нечего.";

/** Refuses a change that would change nothing, on each of its fields (`change.residents`). */
export function requireSomeChange(change: ServiceRequestChange, facts: AccountFacts): void {
  const wanted = requestedFacts(change);
  const keys = Object.keys(wanted) as (keyof AccountFacts)[];
  if (!keys.every((key) => sameFact(key, wanted[key], facts[key]))) return;
  throw new DomainError("VALIDATION_FAILED", UNCHANGED, {
    location: "body",
    fields: keys.map((key) => ({ path: `change.${key}`, message: UNCHANGED })),
  });
}

/** The operator's moves: from which statuses each is allowed, where it leads, and the refusal otherwise. */
export const REQUEST_MOVES = {
  REVIEW: { from: ["SUBMITTED"], to: "IN_REVIEW", refusal: "Заявка уже на рассмотрении или рассмотрена." },
  APPROVE: { from: OPEN_REQUEST_STATUSES, to: "DONE", refusal: "Заявка уже рассмотрена: решение изменить нельзя." },
  REJECT: { from: OPEN_REQUEST_STATUSES, to: "REJECTED", refusal: "Заявка уже рассмотрена: решение изменить нельзя." },
} as const satisfies Record<
  string,
  { from: readonly ServiceRequestStatus[]; to: ServiceRequestStatus; refusal: string }
>;
export type RequestMove = keyof typeof REQUEST_MOVES;

/** The refusal of a move the request's status does not allow (409 REQUEST_STATE). */
export const moveRefused = (move: RequestMove) => new DomainError("REQUEST_STATE", REQUEST_MOVES[move].refusal);

/** The status a move leads to from `status`, or the refusal. */
export function requestMove(status: ServiceRequestStatus, move: RequestMove): ServiceRequestStatus {
  const rule = REQUEST_MOVES[move];
  if (!(rule.from as readonly ServiceRequestStatus[]).includes(status)) throw moveRefused(move);
  return rule.to;
}
