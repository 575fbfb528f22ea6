import { type OperatorServiceRequest, type ServiceRequestChange, serviceRequestKinds } from "@lk/contract";
import type { Database, Prisma } from "@lk/db";
import { DomainError } from "@lk/domain";
import type { FastifyRequest } from "fastify";
import type { Clock } from "../../lib/clock.ts";
import { enqueue } from "../outbox/outbox.ts";
import { operatorInclude, requestNumber, toOperatorRequest } from "./mappers.ts";
import { newValuesOf } from "./service.ts";

/** Operator routes: the token's role decides (a customer gets 403, the route is not theirs). */
export async function requireOperator(request: FastifyRequest): Promise<string> {
  if (request.user.role !== "OPERATOR") throw new DomainError("FORBIDDEN");
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

const DECIDED_MESSAGE = "Заявка уже рассмотрена: решение изменить нельзя.";

/** подана → на рассмотрении. */
export async function takeForReview(
  deps: { db: Database; clock: Clock },
  operatorId: string,
  requestId: string,
): Promise<OperatorServiceRequest> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.serviceRequest.updateMany({
      where: { id: requestId, status: "SUBMITTED" },
      data: { status: "IN_REVIEW", updatedAt: now },
    });
    if (moved.count !== 1) await refuseMove(tx, requestId, "Заявка уже на рассмотрении или рассмотрена.");
    await tx.serviceRequestEvent.create({
      data: { requestId, status: "IN_REVIEW", actorId: operatorId, actorRole: "OPERATOR", at: now },
    });
  });
  return operatorRequest(deps.db, requestId);
}

async function refuseMove(tx: Prisma.TransactionClient, requestId: string, message: string): Promise<never> {
  const exists = await tx.serviceRequest.findUnique({ where: { id: requestId }, select: { id: true } });
  if (!exists) throw new DomainError("NOT_FOUND", "Заявка не найдена.");
  throw new DomainError("REQUEST_STATE", message);
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
  const now = deps.clock.now();
  const status = input.decision === "APPROVE" ? "DONE" : "REJECTED";
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.serviceRequest.updateMany({
      where: { id: requestId, status: { in: ["SUBMITTED", "IN_REVIEW"] } },
      data: { status, updatedAt: now },
    });
    if (moved.count !== 1) await refuseMove(tx, requestId, DECIDED_MESSAGE);
    const request = await tx.serviceRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: { user: { select: { email: true } } },
    });
    if (status === "DONE") {
      await tx.personalAccount.update({
        where: { id: request.accountId },
        data: newValuesOf(request.change as ServiceRequestChange),
      });
    }
    const comment = input.comment || null;
    await tx.serviceRequestEvent.create({
      data: { requestId, status, comment, actorId: operatorId, actorRole: "OPERATOR", at: now },
    });
    const title = serviceRequestKinds[request.kind].title;
    const number = requestNumber(request.number);
    await enqueue(tx, {
      channel: "EMAIL",
      kind: "REQUEST_ANSWERED",
      to: request.user.email,
      subject: `Заявка ${number} ${status === "DONE" ? "выполнена" : "отклонена"}`,
      text: [
        `Ваша заявка ${number} «${title}» ${status === "DONE" ? "выполнена: данные лицевого счёта изменены" : "отклонена"}.`,
        ...(comment ? ["", `Комментарий оператора: ${comment}`] : []),
        "",
        "Подробности — в личном кабинете, раздел «Реквизиты ЛС».",
      ].join("\n"),
      dedupeKey: `request:${requestId}:${status}`,
    });
  });
  return operatorRequest(deps.db, requestId);
}
