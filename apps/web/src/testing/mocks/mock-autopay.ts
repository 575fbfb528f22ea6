import type { AutoPaymentCardPage, AutoPaymentState, RouteParsed, routes } from "@lk/contract";
import {
  AUTOPAY_TERMS,
  AUTOPAYMENT_ENDINGS,
  acquirerResult,
  autoPaymentActivation,
  autoPaymentApplyRefusal,
  autoPaymentReturnPath,
  autoPaymentView,
  cardBindingOutcome,
  DomainError,
  isLiveAutoPayment,
  REBIND_WRONG_STATE,
} from "@lk/domain";
import { acquirerEntry, openAcquirerPage } from "./mock-acquirer.ts";
import { type MockAutoPayment, mockDb } from "./mock-db.ts";
import { findAccount } from "./mock-world.ts";

// «Автоплатеж» in the mock, with the API's rules: one live application (AWAITING_CARD, APPLIED or
// ACTIVE) per account; the card bound on the acquirer's page; «Аннулировать» before it is in force,
// «Отключить» only while ACTIVE.

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

/** An application waiting for its card takes the acquirer's answer about its binding, as the API's asks. */
function settleBinding(application: MockAutoPayment, now: Date): void {
  if (application.status !== "AWAITING_CARD" || !application.bindingRef) return;
  const entry = acquirerEntry(application.bindingRef);
  if (!entry) return;
  const outcome = cardBindingOutcome({ ...acquirerResult(entry), token: entry.token, cardMask: entry.cardMask }, now);
  if (!outcome) return;
  Object.assign(application, outcome, "appliedAt" in outcome ? { appliedAt: outcome.appliedAt.toISOString() } : {});
  mockDb.save();
}

/** The latest live application of the account, after the bindings and activations that are due. */
function currentOf(accountId: string, now: Date): MockAutoPayment | null {
  const live = () => mockDb.state.autoPayments.filter((a) => a.accountId === accountId && isLive(a)).at(-1) ?? null;
  const waiting = live();
  if (waiting) settleBinding(waiting, now);
  activateDue(accountId, now);
  return live();
}

/** A new binding on the mock acquirer's page for the application; the state and the page. */
function openBinding(accountId: string, application: MockAutoPayment, now: Date): AutoPaymentCardPage {
  const { gatewayRef, confirmationUrl } = openAcquirerPage({
    orderId: crypto.randomUUID(),
    kind: "BINDING",
    amountKopecks: 0,
    returnUrl: autoPaymentReturnPath(accountId),
  });
  application.bindingRef = gatewayRef;
  mockDb.save();
  return { ...autoPaymentState(accountId, now), confirmationUrl };
}

export function autoPaymentState(accountId: string, now: Date): AutoPaymentState {
  const current = currentOf(accountId, now);
  return { current: current ? autoPaymentView(current) : null, terms: { ...AUTOPAY_TERMS } };
}

/**
 * «Подать заявление»: only on the terms in force, and only when the account has no live
 * application; it waits for its card, bound on the acquirer's page.
 */
export function applyAutoPayment(userId: string, accountId: string, body: ApplyBody, now: Date): AutoPaymentCardPage {
  const refusal = autoPaymentApplyRefusal(body.termsVersion, AUTOPAY_TERMS.version, !!currentOf(accountId, now));
  if (refusal) throw new DomainError(refusal);
  const application: MockAutoPayment = {
    id: crypto.randomUUID(),
    accountId,
    appliedById: userId,
    status: "AWAITING_CARD",
    cardMask: null,
    bindingRef: null,
    maxAmountKopecks: body.maxAmountKopecks,
    receiptEmail: body.receiptEmail,
    termsVersion: body.termsVersion,
    appliedAt: now.toISOString(),
    activatedAt: null,
    endedAt: null,
    lastNotice: null,
    stopReason: null,
  };
  mockDb.state.autoPayments.push(application);
  return openBinding(accountId, application, now);
}

/** «Привязать карту» again, for an application still waiting for its card. */
export function rebindAutoPaymentCard(accountId: string, now: Date): AutoPaymentCardPage {
  const current = currentOf(accountId, now);
  if (current?.status !== "AWAITING_CARD") throw new DomainError("AUTOPAYMENT_STATE", REBIND_WRONG_STATE);
  return openBinding(accountId, current, now);
}

/** «Отключить» (ACTIVE → OFF) and «Аннулировать» (APPLIED → WITHDRAWN); anything else is the wrong state. */
export function endAutoPayment(
  accountId: string,
  now: Date,
  action: { kind: "disable"; reason: StopReason } | { kind: "annul" },
): AutoPaymentState {
  const current = currentOf(accountId, now);
  const { from, to, wrongState } = AUTOPAYMENT_ENDINGS[action.kind];
  if (!current || !(from as readonly string[]).includes(current.status)) {
    throw new DomainError("AUTOPAYMENT_STATE", wrongState);
  }
  current.status = to;
  current.endedAt = now.toISOString();
  if (action.kind === "disable") current.stopReason = action.reason;
  mockDb.save();
  return autoPaymentState(accountId, now);
}
