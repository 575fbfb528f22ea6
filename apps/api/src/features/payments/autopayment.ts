import type { AutoPaymentState } from "@lk/contract";
import type { Database } from "@lk/db";
import {
  AUTOPAY_ANNUL_REASON,
  AUTOPAY_STOP_REASON_LABEL,
  AUTOPAY_TERMS,
  AUTOPAYMENT_ENDINGS,
  type AutoPaymentEnding,
  autoPaymentApplyRefusal,
  autoPaymentView,
  DomainError,
  LIVE_AUTOPAYMENT_STATUSES,
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

async function stateOf(db: Database, accountId: string): Promise<AutoPaymentState> {
  const current = await currentOf(db, accountId);
  return { current: current ? autoPaymentView(current) : null, terms: { ...AUTOPAY_TERMS } };
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
  body: { termsVersion: string; card: { number: string }; maxAmountKopecks: number; receiptEmail: string },
) {
  await requireLinkedAccount(db, userId, accountId);
  const refusal = autoPaymentApplyRefusal(body.termsVersion, AUTOPAY_TERMS.version, !!(await currentOf(db, accountId)));
  if (refusal) throw new DomainError(refusal);
  const { token, cardMask } = await gateway.tokenizeCard(body.card);
  await db.autoPayment.create({
    data: {
      accountId,
      userId,
      status: "APPLIED",
      termsVersion: body.termsVersion,
      cardToken: token,
      cardMask,
      maxAmountKopecks: body.maxAmountKopecks,
      receiptEmail: body.receiptEmail,
      appliedAt: clock.now(),
    },
  });
  return stateOf(db, accountId);
}

async function end(
  { db, clock }: PaymentsDeps,
  userId: string,
  accountId: string,
  ending: AutoPaymentEnding,
  reason: string,
) {
  await requireLinkedAccount(db, userId, accountId);
  const { from, to, wrongState } = AUTOPAYMENT_ENDINGS[ending];
  const moved = await db.autoPayment.updateMany({
    where: { accountId, status: from },
    data: { status: to, endedAt: clock.now(), endReason: reason },
  });
  if (moved.count === 0) throw new DomainError("AUTOPAYMENT_STATE", wrongState);
  return stateOf(db, accountId);
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
