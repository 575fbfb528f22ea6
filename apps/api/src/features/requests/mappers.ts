import type { OperatorServiceRequest, ServiceRequest, ServiceRequestChange } from "@lk/contract";
import type { Prisma } from "@lk/db";
import { requestNumber } from "@lk/domain";

export const requestInclude = {
  account: { select: { number: true } },
  documents: { orderBy: { createdAt: "asc" } },
  events: { orderBy: { at: "asc" } },
} as const satisfies Prisma.ServiceRequestInclude;

export type RequestRow = Prisma.ServiceRequestGetPayload<{ include: typeof requestInclude }>;

export function toServiceRequest(row: RequestRow): ServiceRequest {
  return {
    id: row.id,
    number: requestNumber(row.number),
    accountId: row.accountId,
    accountNumber: row.account.number,
    kind: row.kind,
    status: row.status,
    change: row.change as ServiceRequestChange,
    previous: row.previous as Record<string, string | number>,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    documents: row.documents.map((document) => ({
      id: document.id,
      slot: document.slot,
      fileName: document.fileName,
      contentType: document.contentType as ServiceRequest["documents"][number]["contentType"],
      sizeBytes: document.sizeBytes,
    })),
    history: row.events.map((event) => ({
      status: event.status,
      at: event.at.toISOString(),
      comment: event.comment,
      by: event.actorRole,
    })),
  };
}

export const operatorInclude = {
  ...requestInclude,
  account: {
    select: {
      number: true,
      address: true,
      ownerName: true,
      residents: true,
      rooms: true,
      totalArea: true,
      livingArea: true,
      tariffPlan: true,
    },
  },
  user: { select: { fullName: true, email: true, phone: true } },
} as const satisfies Prisma.ServiceRequestInclude;

type OperatorRow = Prisma.ServiceRequestGetPayload<{ include: typeof operatorInclude }>;

export function toOperatorRequest(row: OperatorRow): OperatorServiceRequest {
  const { user } = row;
  const { totalArea, livingArea, ...account } = row.account;
  return {
    ...toServiceRequest(row),
    account: { ...account, totalArea: totalArea.toFixed(2), livingArea: livingArea.toFixed(2) },
    customer: { fullName: user.fullName, email: user.email, phone: user.phone },
  };
}
