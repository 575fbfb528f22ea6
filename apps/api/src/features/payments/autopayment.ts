import type { AutoPayment, AutoPaymentState } from "@lk/contract";
import type { Database, Prisma } from "@lk/db";
import { AUTOPAY_STOP_REASON_LABEL, AUTOPAY_TERMS, cardMask } from "@lk/domain";
import { DomainError } from "../../lib/domain-error.ts";
import { requireLinkedAccount } from "../accounts/access.ts";
import type { CardDetails } from "./gateway.ts";
import type { PaymentsDeps } from "./service.ts";

type Row = Prisma.AutoPaymentGetPayload<object>;

const toAutoPayment = (a: Row): AutoPayment => ({
  id: a.id,
  status: a.status,
  cardMask: a.cardMask,
  maxAmountKopecks: a.maxAmountKopecks,
  receiptEmail: a.receiptEmail,
  termsVersion: a.termsVersion,
  appliedAt: a.appliedAt.toISOString(),
  activatedAt: a.activatedAt?.toISOString() ?? null,
  endedAt: a.endedAt?.toISOString() ?? null,
  lastNotice: a.lastNotice,
});

/** The account's open application or service (one at most), whoever of its holders made it. */
function currentOf(db: Database, accountId: string) {
  return db.autoPayment.findFirst({
    where: { accountId, status: { in: ["APPLIED", "ACTIVE"] } },
    orderBy: { appliedAt: "desc" },
  });
}

async function stateOf(db: Database, accountId: string): Promise<AutoPaymentState> {
  const current = await currentOf(db, accountId);
  return { current: current ? toAutoPayment(current) : null, terms: { ...AUTOPAY_TERMS } };
}

export async function autoPaymentState({ db }: PaymentsDeps, userId: string, accountId: string) {
  await requireLinkedAccount(db, userId, accountId);
  return stateOf(db, accountId);
}

/** «Подключить»: the terms accepted (this version), the card saved as a gateway token, an application. */
export async function applyAutoPayment(
  { db, clock, gateway }: PaymentsDeps,
  userId: string,
  accountId: string,
  body: { termsVersion: string; card: CardDetails; maxAmountKopecks: number; receiptEmail: string },
) {
  await requireLinkedAccount(db, userId, accountId);
  if (body.termsVersion !== AUTOPAY_TERMS.version) throw new DomainError("TERMS_CHANGED");
  if (await currentOf(db, accountId)) throw new DomainError("AUTOPAYMENT_EXISTS");
  const { token } = await gateway.tokenizeCard(body.card);
  await db.autoPayment.create({
    data: {
      accountId,
      userId,
      status: "APPLIED",
      termsVersion: body.termsVersion,
      cardToken: token,
      cardMask: cardMask(body.card.number),
      maxAmountKopecks: body.maxAmountKopecks,
      receiptEmail: body.receiptEmail,
      appliedAt: clock.now(),
    },
  });
  return stateOf(db, accountId);
}

async function move(
  { db, clock }: PaymentsDeps,
  userId: string,
  accountId: string,
  from: "APPLIED" | "ACTIVE",
  to: "WITHDRAWN" | "OFF",
  reason: string,
) {
  await requireLinkedAccount(db, userId, accountId);
  const moved = await db.autoPayment.updateMany({
    where: { accountId, status: from },
    data: { status: to, endedAt: clock.now(), endReason: reason },
  });
  if (moved.count === 0) {
    throw new DomainError(
      "AUTOPAYMENT_STATE",
      from === "ACTIVE"
        ? "Отключить можно только действующий автоплатёж. Заявление, которое ещё не вступило в силу, можно аннулировать."
        : "Аннулировать можно только заявление, которое ещё не вступило в силу. Действующий автоплатёж можно отключить.",
    );
  }
  return stateOf(db, accountId);
}

/** «Отключить»: an active service stops charging. */
export const disableAutoPayment = (
  deps: PaymentsDeps,
  userId: string,
  accountId: string,
  reason: keyof typeof AUTOPAY_STOP_REASON_LABEL,
) => move(deps, userId, accountId, "ACTIVE", "OFF", AUTOPAY_STOP_REASON_LABEL[reason]);

/** «Аннулировать»: an application not yet in force is withdrawn. */
export const annulAutoPayment = (deps: PaymentsDeps, userId: string, accountId: string) =>
  move(deps, userId, accountId, "APPLIED", "WITHDRAWN", "Заявление аннулировано клиентом");
