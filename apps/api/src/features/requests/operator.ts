import { type OperatorServiceRequest, requestAnsweredMessage, type ServiceRequestChange } from "@lk/contract";
import type { Database, Prisma } from "@lk/db";
import { DomainError, moveRefused, REQUEST_MOVES, type RequestMove, requestedFacts, requestNumber } from "@lk/domain";
import type { FastifyRequest } from "fastify";
import type { Clock } from "../../lib/clock.ts";
import { enqueue } from "../outbox/outbox.ts";
import { operatorInclude, toOperatorRequest } from "./mappers.ts";

/**
 * Operator routes: a customer's token is refused at once (403, the route is not theirs); an
 * operator's role is read again from the database, so one whose role was taken away cannot go on
 * deciding requests for the rest of their access token's life.
 */
export async function requireOperator(db: Database, request: FastifyRequest): Promise<string> {
  if (request.user.role !== "OPERATOR") throw new DomainError("FORBIDDEN");
  const user = await db.user.findUnique({ where: { id: request.user.sub }, select: { role: true } });
  if (user?.role !== "OPERATOR") throw new DomainError("FORBIDDEN");
  return request.user.sub;
}

type QueueFilter = "OPEN" | "SUBMITTED" | "IN_REVIEW" | "DONE" | "REJECTED";

export async function operatorQueue(db: Database, filter: QueueFilter = "OPEN"): Promise<OperatorServiceRequest[]> {
  const rows = await db.serviceRequest.findMany({
    where: { status: filter === "OPEN" ? { in: ["SUBMITTED", "IN_REVIEW"] } : filter },
    orderBy: { createdAt: filter === "OPEN" ? "asc" : "desc" },
    take: 200,
    include: operatorInclude,
  });
  return rows.map(toOperatorRequest);
}

export async function operatorRequest(db: Database, requestId: string): Promise<OperatorServiceRequest> {
  const row = await db.serviceRequest.findUnique({ where: { id: requestId }, include: operatorInclude });
  if (!row) throw new DomainError("NOT_FOUND", "Заявка не найдена.");
  return toOperatorRequest(row);
}

/** A move of the request by one guarded update, recorded in its history; refused unless its status allows it. */
async function moveRequest(
  tx: Prisma.TransactionClient,
  requestId: string,
  move: RequestMove,
  event: { operatorId: string; comment: string | null; at: Date },
) {
  const { from, to } = REQUEST_MOVES[move];
  const moved = await tx.serviceRequest.updateMany({
    where: { id: requestId, status: { in: [...from] } },
    data: { status: to, updatedAt: event.at },
  });
  if (moved.count !== 1) {
    const exists = await tx.serviceRequest.findUnique({ where: { id: requestId }, select: { id: true } });
    if (!exists) throw new DomainError("NOT_FOUND", "Заявка не найдена.");
    throw moveRefused(move);
  }
  await tx.serviceRequestEvent.create({
    data: {
      requestId,
      status: to,
      comment: event.comment,
      actorId: event.operatorId,
      actorRole: "OPERATOR",
      at: event.at,
    },
  });
}

/** подана → на рассмотрении. */
export async function takeForReview(
  deps: { db: Database; clock: Clock },
  operatorId: string,
  requestId: string,
): Promise<OperatorServiceRequest> {
  const at = deps.clock.now();
  await deps.db.$transaction((tx) => moveRequest(tx, requestId, "REVIEW", { operatorId, comment: null, at }));
  return operatorRequest(deps.db, requestId);
}

/**
 * «Выполнить» or «Отклонить». The status moves by one guarded update, and on approval the
 * account's details change in the same transaction: both happen, or neither.
 */
export async function decide(
  deps: { db: Database; clock: Clock },
  operatorId: string,
  requestId: string,
  input: { decision: "APPROVE" | "REJECT"; comment?: string | undefined },
): Promise<OperatorServiceRequest> {
  const at = deps.clock.now();
  const comment = input.comment || null;
  await deps.db.$transaction(async (tx) => {
    await moveRequest(tx, requestId, input.decision, { operatorId, comment, at });
    const status = REQUEST_MOVES[input.decision].to;
    const request = await tx.serviceRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: { user: { select: { email: true } } },
    });
    if (status === "DONE") {
      await tx.personalAccount.update({
        where: { id: request.accountId },
        data: requestedFacts(request.change as ServiceRequestChange),
      });
    }
    const answered = { number: requestNumber(request.number), kind: request.kind };
    await enqueue(tx, {
      ...requestAnsweredMessage(request.user.email, answered, status, comment),
      dedupeKey: `request:${requestId}:${status}`,
    });
  });
  return operatorRequest(deps.db, requestId);
}
