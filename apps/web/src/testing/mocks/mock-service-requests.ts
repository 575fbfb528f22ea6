import type {
  AccountDetails,
  OperatorServiceRequest,
  RequestDocument,
  ServiceRequest,
  ServiceRequestChange,
  ServiceRequestKind,
} from "@lk/contract";
import type { AccountBundle } from "@lk/demo-data";
import { type MockUser, mockDb } from "./mock-db.ts";

/** The account's facts a request may change. */
export type AccountFacts = Pick<AccountDetails, "ownerName" | "residents" | "rooms" | "totalArea" | "livingArea">;

/** A request as the mock stores it (metadata only; the files' bytes are kept by mock-request-documents). */
export interface MockServiceRequest {
  id: string;
  /** Sequential, like the API's: shown as «З-000042». */
  number: number;
  accountId: string;
  userId: string;
  kind: ServiceRequestKind;
  status: ServiceRequest["status"];
  change: ServiceRequestChange;
  previous: Record<string, string | number>;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
  documents: RequestDocument[];
  history: ServiceRequest["history"];
}

export const OPEN_STATUSES: readonly ServiceRequest["status"][] = ["SUBMITTED", "IN_REVIEW"];

/** The generated account's facts with what approved requests changed on top. */
export function accountFacts(bundle: AccountBundle): AccountFacts {
  const { ownerName, residents, rooms, totalArea, livingArea } = bundle.account;
  return { ownerName, residents, rooms, totalArea, livingArea, ...mockDb.state.accountChanges[bundle.account.id] };
}

/** The facts a change sets; the API writes the change's values as they are (areas keep two decimals). */
export function factsOf(change: ServiceRequestChange): Partial<AccountFacts> {
  switch (change.kind) {
    case "OWNER":
      return { ownerName: change.ownerName };
    case "RESIDENTS":
      return { residents: change.residents };
    case "ROOMS":
      return { rooms: change.rooms };
    case "AREA":
      return { totalArea: Number(change.totalArea).toFixed(2), livingArea: Number(change.livingArea).toFixed(2) };
  }
}

/** What the account holds now of the fields the change names. */
export function previousOf(change: ServiceRequestChange, facts: AccountFacts): Record<string, string | number> {
  const keys = Object.keys(factsOf(change)) as (keyof AccountFacts)[];
  return Object.fromEntries(keys.map((key) => [key, facts[key]]));
}

// As the API compares: numbers and areas by value (54.3 is 54.30), a name exactly (the contract trims it).
const sameValue = (key: keyof AccountFacts, wanted: string | number | undefined, now: string | number) =>
  key === "ownerName" ? wanted === now : Number(wanted) === Number(now);

/** The change's fields (as the body names them: `change.residents`) when none of them would change anything. */
export function unchangedFields(change: ServiceRequestChange, facts: AccountFacts): string[] {
  const wanted = factsOf(change);
  const keys = Object.keys(wanted) as (keyof AccountFacts)[];
  return keys.every((key) => sameValue(key, wanted[key], facts[key])) ? keys.map((key) => `change.${key}`) : [];
}

export const requestNumber = (n: number) => `З-${String(n).padStart(6, "0")}`;

export const nextRequestNumber = () => Math.max(0, ...mockDb.state.serviceRequests.map((r) => r.number)) + 1;

export function toServiceRequest(request: MockServiceRequest, accountNumber: string): ServiceRequest {
  return {
    id: request.id,
    number: requestNumber(request.number),
    accountId: request.accountId,
    accountNumber,
    kind: request.kind,
    status: request.status,
    change: request.change,
    previous: request.previous,
    comment: request.comment,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    documents: request.documents,
    history: request.history,
  };
}

export function toOperatorRequest(
  request: MockServiceRequest,
  bundle: AccountBundle,
  customer: MockUser | undefined,
): OperatorServiceRequest {
  return {
    ...toServiceRequest(request, bundle.account.number),
    account: { number: bundle.account.number, address: bundle.account.address, ...accountFacts(bundle) },
    customer: {
      fullName: customer?.fullName ?? "—",
      email: customer?.email ?? "—",
      phone: customer?.phone ?? null,
    },
  };
}
