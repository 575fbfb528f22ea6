import type { AutoPaymentState, RouteParsed, routes } from "@lk/contract";
import {
  AUTOPAY_TERMS,
  AUTOPAYMENT_ENDINGS,
  autoPaymentActivation,
  autoPaymentApplyRefusal,
  autoPaymentView,
  cardMask,
  DomainError,
  isLiveAutoPayment,
} from "@lk/domain";
import { type MockAutoPayment, mockDb } from "./mock-db.ts";
import { findAccount } from "./mock-world.ts";

// «Автоплатеж» in the mock, with the API's rules: one live application (APPLIED or ACTIVE) per
// account; «Аннулировать» only while APPLIED, «Отключить» only while ACTIVE.

type ApplyBody = RouteParsed<typeof routes.payments.applyAutoPayment>["body"];
type StopReason = RouteParsed<typeof routes.payments.disableAutoPayment>["body"]["reason"];

const isLive = (a: MockAutoPayment) => isLiveAutoPayment(a.status);

/**
 * An application comes into force with the first bill issued after it (the API's bill run does it
 * as it issues that bill). The mock's bills are its world's, built up to the mock's date, so it is
 * checked on every read: move the mock's date (`?mockDate=…`) past the next bill to see it active.
 */
function activateDue(accountId: string, now: Date): void {
  const issued = (findAccount(accountId)?.bills ?? []).map((b) => b.issuedAt).filter((d) => d <= now);
  let changed = false;
  for (const application of mockDb.state.autoPayments) {
    if (application.accountId !== accountId || application.status !== "APPLIED") continue;
    const activation = autoPaymentActivation(new Date(application.appliedAt), issued);
    if (activation) {
      application.status = "ACTIVE";
      application.activatedAt = activation.toISOString();
      changed = true;
    }
  }
  if (changed) mockDb.save();
}

/** The latest live application of the account, after the activations that are due. */
function currentOf(accountId: string, now: Date): MockAutoPayment | null {
  activateDue(accountId, now);
  return mockDb.state.autoPayments.filter((a) => a.accountId === accountId && isLive(a)).at(-1) ?? null;
}

export function autoPaymentState(accountId: string, now: Date): AutoPaymentState {
  const current = currentOf(accountId, now);
  return { current: current ? autoPaymentView(current) : null, terms: { ...AUTOPAY_TERMS } };
}

/** «Подать заявление»: only on the terms in force, and only when the account has no live application. */
export function applyAutoPayment(userId: string, accountId: string, body: ApplyBody, now: Date): AutoPaymentState {
  const refusal = autoPaymentApplyRefusal(body.termsVersion, AUTOPAY_TERMS.version, !!currentOf(accountId, now));
  if (refusal) throw new DomainError(refusal);
  mockDb.state.autoPayments.push({
    id: crypto.randomUUID(),
    accountId,
    appliedById: userId,
    status: "APPLIED",
    // Only the mask is kept: the card itself goes to the gateway, never into the portal's storage.
    cardMask: cardMask(body.card.number),
    maxAmountKopecks: body.maxAmountKopecks,
    receiptEmail: body.receiptEmail,
    termsVersion: body.termsVersion,
    appliedAt: now.toISOString(),
    activatedAt: null,
    endedAt: null,
    lastNotice: null,
    stopReason: null,
  });
  mockDb.save();
  return autoPaymentState(accountId, now);
}

/** «Отключить» (ACTIVE → OFF) and «Аннулировать» (APPLIED → WITHDRAWN); anything else is the wrong state. */
export function endAutoPayment(
  accountId: string,
  now: Date,
  action: { kind: "disable"; reason: StopReason } | { kind: "annul" },
): AutoPaymentState {
  const current = currentOf(accountId, now);
  const { from, to, wrongState } = AUTOPAYMENT_ENDINGS[action.kind];
  if (!current || current.status !== from) throw new DomainError("AUTOPAYMENT_STATE", wrongState);
  current.status = to;
  current.endedAt = now.toISOString();
  if (action.kind === "disable") current.stopReason = action.reason;
  mockDb.save();
  return autoPaymentState(accountId, now);
}
