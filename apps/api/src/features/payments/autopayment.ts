import { randomUUID } from "node:crypto";
import type { AutoPaymentState } from "@lk/contract";
import type { Database } from "@lk/db";
import {
  AUTOPAY_ANNUL_REASON,
  AUTOPAY_STOP_REASON_LABEL,
  AUTOPAY_TERMS,
  AUTOPAYMENT_ENDINGS,
  type AutoPaymentEnding,
  autoPaymentApplyRefusal,
  autoPaymentReturnPath,
  autoPaymentView,
  cardBindingOutcome,
  DomainError,
  LIVE_AUTOPAYMENT_STATUSES,
  REBIND_WRONG_STATE,
} from "@lk/domain";
import { requireLinkedAccount } from "../accounts/access.ts";
import type { PaymentsDeps } from "./service.ts";

/** The account's open application or service (one at most), whoever of its holders made it. */
function currentOf(db: Database, accountId: string) {
  return db.autoPayment.findFirst({
    where: { accountId, status: { in: [...LIVE_AUTOPAYMENT_STATUSES] } },
    orderBy: { appliedAt: "desc" },
  });
}

/**
 * An application waiting for its card asks the acquirer about its binding (the customer may be
 * back from its page before the callback arrived, or the callback was lost), and takes its answer.
 */
async function settleBinding({ db, clock, gateway }: PaymentsDeps, applicationId: string, bindingRef: string) {
  const outcome = cardBindingOutcome(await gateway.binding(bindingRef), clock.now());
  if (!outcome) return false;
  const moved = await db.autoPayment.updateMany({
    where: { id: applicationId, status: "AWAITING_CARD", bindingRef },
    data: outcome,
  });
  return moved.count === 1;
}

async function stateOf(deps: PaymentsDeps, accountId: string): Promise<AutoPaymentState> {
  let current = await currentOf(deps.db, accountId);
  if (current?.status === "AWAITING_CARD" && current.bindingRef) {
    if (await settleBinding(deps, current.id, current.bindingRef)) current = await currentOf(deps.db, accountId);
  }
  return { current: current ? autoPaymentView(current) : null, terms: { ...AUTOPAY_TERMS } };
}

export async function autoPaymentState(deps: PaymentsDeps, userId: string, accountId: string) {
  await requireLinkedAccount(deps.db, userId, accountId);
  return stateOf(deps, accountId);
}

/** A new binding on the acquirer's page for the application; answers the state and the page. */
async function openBinding(deps: PaymentsDeps, accountId: string, applicationId: string) {
  const { gatewayRef, confirmationUrl } = await deps.gateway.createBinding({
    orderId: randomUUID(),
    returnUrl: autoPaymentReturnPath(accountId),
  });
  await deps.db.autoPayment.update({ where: { id: applicationId }, data: { bindingRef: gatewayRef } });
  return { ...(await stateOf(deps, accountId)), confirmationUrl };
}

/**
 * «Подключить»: the terms accepted (this version), the maximum and the receipts' e-mail; the
 * application waits for its card, which the customer binds on the acquirer's page (the portal gets
 * a token and a mask, never the card).
 */
export async function applyAutoPayment(
  deps: PaymentsDeps,
  userId: string,
  accountId: string,
  body: { termsVersion: string; maxAmountKopecks: number; receiptEmail: string },
) {
  const { db, clock } = deps;
  await requireLinkedAccount(db, userId, accountId);
  const refusal = autoPaymentApplyRefusal(body.termsVersion, AUTOPAY_TERMS.version, !!(await currentOf(db, accountId)));
  if (refusal) throw new DomainError(refusal);
  const application = await db.autoPayment.create({
    data: {
      accountId,
      userId,
      status: "AWAITING_CARD",
      termsVersion: body.termsVersion,
      maxAmountKopecks: body.maxAmountKopecks,
      receiptEmail: body.receiptEmail,
      appliedAt: clock.now(),
    },
  });
  return openBinding(deps, accountId, application.id);
}

/** «Привязать карту» again, for an application still waiting for its card (a card was refused). */
export async function rebindAutoPaymentCard(deps: PaymentsDeps, userId: string, accountId: string) {
  await requireLinkedAccount(deps.db, userId, accountId);
  const current = await currentOf(deps.db, accountId);
  if (current?.status !== "AWAITING_CARD") throw new DomainError("AUTOPAYMENT_STATE", REBIND_WRONG_STATE);
  return openBinding(deps, accountId, current.id);
}

/** The acquirer's signed report of a binding: the application waiting for it takes the answer. */
export async function acceptBinding(deps: PaymentsDeps, gatewayRef: string): Promise<boolean> {
  const application = await deps.db.autoPayment.findUnique({ where: { bindingRef: gatewayRef } });
  if (!application) throw new DomainError("NOT_FOUND", "Привязка карты не найдена.");
  if (application.status === "AWAITING_CARD") await settleBinding(deps, application.id, gatewayRef);
  return true;
}

async function end(deps: PaymentsDeps, userId: string, accountId: string, ending: AutoPaymentEnding, reason: string) {
  const { db, clock } = deps;
  await requireLinkedAccount(db, userId, accountId);
  const { from, to, wrongState } = AUTOPAYMENT_ENDINGS[ending];
  const moved = await db.autoPayment.updateMany({
    where: { accountId, status: { in: [...from] } },
    data: { status: to, endedAt: clock.now(), endReason: reason },
  });
  if (moved.count === 0) throw new DomainError("AUTOPAYMENT_STATE", wrongState);
  return stateOf(deps, accountId);
}

/** «Отключить»: an active service stops charging. */
export const disableAutoPayment = (
  deps: PaymentsDeps,
  userId: string,
  accountId: string,
  reason: keyof typeof AUTOPAY_STOP_REASON_LABEL,
) => end(deps, userId, accountId, "disable", AUTOPAY_STOP_REASON_LABEL[reason]);

/** «Аннулировать»: an application not yet in force is withdrawn. */
export const annulAutoPayment = (deps: PaymentsDeps, userId: string, accountId: string) =>
  end(deps, userId, accountId, "annul", AUTOPAY_ANNUL_REASON);
