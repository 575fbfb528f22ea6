import { DOCUMENT_LIMITS, type ServiceRequest, type ServiceRequestChange, serviceRequestKinds } from "@lk/contract";
import type { Database, Prisma } from "@lk/db";
import { checkRequestDocuments, DomainError, factsBefore, OPEN_REQUEST_STATUSES, requireSomeChange } from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { requireLinkedAccount } from "../accounts/access.ts";
import { requestInclude, toServiceRequest } from "./mappers.ts";
import type { ReceivedDocument } from "./multipart.ts";
import type { DocumentStorage } from "./storage.ts";

export interface RequestDeps {
  db: Database;
  clock: Clock;
  storage: DocumentStorage;
}

type CheckedDocument = { slot: string; fileName: string; contentType: string; key: string; byteLength: number };

/** Every file against the kind's slots and the limits (the domain's rule); the first problem refuses the request. */
async function checkDocuments(
  kind: ServiceRequestChange["kind"],
  files: ReceivedDocument[],
): Promise<CheckedDocument[]> {
  const result = await checkRequestDocuments(serviceRequestKinds[kind].documents, files, (f) => f, DOCUMENT_LIMITS);
  if (!result.ok) {
    throw new DomainError(
      result.code,
      result.message,
      result.fields ? { location: "body", fields: result.fields } : undefined,
    );
  }
  return result.checked.map(({ file, fileName, contentType }) => ({
    slot: file.slot,
    fileName,
    contentType,
    key: file.key,
    byteLength: file.byteLength,
  }));
}

/**
 * Files a request. The files arrived written to storage (readMultipart); everything is checked,
 * then the rows go in one transaction; if anything is refused or fails, the files are removed.
 */
export async function createRequest(
  deps: RequestDeps,
  userId: string,
  accountId: string,
  input: { change: ServiceRequestChange; comment?: string | undefined },
  files: ReceivedDocument[],
): Promise<ServiceRequest> {
  try {
    return await fileRequest(deps, userId, accountId, input, files);
  } catch (error) {
    await Promise.all(files.map((file) => deps.storage.delete(file.key).catch(() => undefined)));
    throw error;
  }
}

async function fileRequest(
  deps: RequestDeps,
  userId: string,
  accountId: string,
  input: { change: ServiceRequestChange; comment?: string | undefined },
  files: ReceivedDocument[],
): Promise<ServiceRequest> {
  const { db, clock } = deps;
  await requireLinkedAccount(db, userId, accountId);
  const account = await db.personalAccount.findUniqueOrThrow({ where: { id: accountId } });
  const facts = { ...account, totalArea: account.totalArea.toFixed(2), livingArea: account.livingArea.toFixed(2) };
  requireSomeChange(input.change, facts);
  const documents = await checkDocuments(input.change.kind, files);
  const now = clock.now();
  const id = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`request:${accountId}:${input.change.kind}`}))`;
    const open = await tx.serviceRequest.findFirst({
      where: { accountId, kind: input.change.kind, status: { in: [...OPEN_REQUEST_STATUSES] } },
      select: { id: true },
    });
    if (open) throw new DomainError("REQUEST_EXISTS");
    const row = await tx.serviceRequest.create({
      data: {
        accountId,
        userId,
        kind: input.change.kind,
        status: "SUBMITTED",
        change: input.change as Prisma.InputJsonValue,
        previous: factsBefore(input.change, facts),
        comment: input.comment || null,
        createdAt: now,
        updatedAt: now,
        documents: {
          create: documents.map((document) => ({
            slot: document.slot,
            fileName: document.fileName,
            contentType: document.contentType,
            sizeBytes: document.byteLength,
            storageKey: document.key,
            createdAt: now,
          })),
        },
        events: { create: { status: "SUBMITTED", actorId: userId, actorRole: "CUSTOMER", at: now } },
      },
      select: { id: true },
    });
    return row.id;
  });
  return getRequest(db, userId, accountId, id);
}

export async function listRequests(db: Database, userId: string, accountId: string): Promise<ServiceRequest[]> {
  await requireLinkedAccount(db, userId, accountId);
  const rows = await db.serviceRequest.findMany({
    where: { accountId, userId },
    orderBy: { createdAt: "desc" },
    include: requestInclude,
  });
  return rows.map(toServiceRequest);
}

/** A request is its author's: another user linked to the same account does not see it. */
export async function getRequest(db: Database, userId: string, accountId: string, requestId: string) {
  await requireLinkedAccount(db, userId, accountId);
  const row = await db.serviceRequest.findFirst({
    where: { id: requestId, accountId, userId },
    include: requestInclude,
  });
  if (!row) throw new DomainError("NOT_FOUND", "Заявка не найдена.");
  return toServiceRequest(row);
}

/** A document of one's own request (customers) or of any request (operators). */
export async function readDocument(
  deps: Pick<RequestDeps, "db" | "storage">,
  where: { requestId: string; documentId: string; userId?: string; accountId?: string },
) {
  const document = await deps.db.serviceRequestDocument.findFirst({
    where: {
      id: where.documentId,
      requestId: where.requestId,
      ...(where.userId ? { request: { userId: where.userId, accountId: where.accountId } } : {}),
    },
  });
  if (!document) throw new DomainError("NOT_FOUND", "Документ не найден.");
  return { ...document, bytes: await deps.storage.get(document.storageKey) };
}
