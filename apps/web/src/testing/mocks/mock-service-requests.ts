import type {
  OperatorServiceRequest,
  RequestDocument,
  ServiceRequest,
  ServiceRequestChange,
  ServiceRequestKind,
} from "@lk/contract";
import type { AccountBundle } from "@lk/demo-data";
import { type AccountFacts, requestNumber } from "@lk/domain";
import { type MockUser, mockDb } from "./mock-db.ts";

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

/** The generated account's facts with what approved requests changed on top. */
export function accountFacts(bundle: AccountBundle): AccountFacts {
  const { ownerName, residents, rooms, totalArea, livingArea, tariffPlan } = bundle.account;
  return {
    ownerName,
    residents,
    rooms,
    totalArea,
    livingArea,
    tariffPlan,
    ...mockDb.state.accountChanges[bundle.account.id],
  };
}

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
