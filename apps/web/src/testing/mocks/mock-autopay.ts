import type { AutoPayment, AutoPaymentState, RouteParsed, routes } from "@lk/contract";
import { AUTOPAY_TERMS, cardMask, MOSCOW, monthOf, monthStart } from "@lk/domain";
import { type MockAutoPayment, mockDb } from "./mock-db.ts";
import { MockError } from "./mock-error.ts";

// «Автоплатеж» in the mock, with the API's rules: one live application (APPLIED or ACTIVE) per
// account; «Аннулировать» only while APPLIED, «Отключить» only while ACTIVE.

type ApplyBody = RouteParsed<typeof routes.payments.applyAutoPayment>["body"];
type StopReason = RouteParsed<typeof routes.payments.disableAutoPayment>["body"]["reason"];

const isLive = (a: MockAutoPayment) => a.status === "APPLIED" || a.status === "ACTIVE";

/**
 * The API's billing run activates an application when it pays the first bill after it. The mock
 * has no billing run, so for the demo an APPLIED application becomes ACTIVE at the start of the
 * next Moscow month after it was made (when the supplier issues that bill), checked on every read:
 * move the mock's date (`?mockDate=…`) into next month to see it active.
 */
export function activationOf(appliedAt: string): Date {
  return monthStart(monthOf(new Date(appliedAt), MOSCOW), MOSCOW, 1);
}

function activateDue(accountId: string, now: Date): void {
  let changed = false;
  for (const application of mockDb.state.autoPayments) {
    if (application.accountId !== accountId || application.status !== "APPLIED") continue;
    const activation = activationOf(application.appliedAt);
    if (activation <= now) {
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

function toAutoPayment(a: MockAutoPayment): AutoPayment {
  return {
    id: a.id,
    status: a.status,
    cardMask: a.cardMask,
    maxAmountKopecks: a.maxAmountKopecks,
    receiptEmail: a.receiptEmail,
    termsVersion: a.termsVersion,
    appliedAt: a.appliedAt,
    activatedAt: a.activatedAt,
    endedAt: a.endedAt,
    lastNotice: a.lastNotice,
  };
}

export function autoPaymentState(accountId: string, now: Date): AutoPaymentState {
  const current = currentOf(accountId, now);
  return { current: current ? toAutoPayment(current) : null, terms: { ...AUTOPAY_TERMS } };
}

/** «Подать заявление»: only on the terms in force, and only when the account has no live application. */
export function applyAutoPayment(userId: string, accountId: string, body: ApplyBody, now: Date): AutoPaymentState {
  if (body.termsVersion !== AUTOPAY_TERMS.version) throw new MockError("TERMS_CHANGED");
  if (currentOf(accountId, now)) throw new MockError("AUTOPAYMENT_EXISTS");
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
  const from = action.kind === "disable" ? "ACTIVE" : "APPLIED";
  if (!current || current.status !== from) {
    const message =
      action.kind === "disable"
        ? "Отключить можно только действующий автоплатёж. Заявление, которое ещё не вступило в силу, можно аннулировать."
        : "Аннулировать можно только заявление, которое ещё не вступило в силу. Действующий автоплатёж можно отключить.";
    throw new MockError("AUTOPAYMENT_STATE", message);
  }
  current.status = action.kind === "disable" ? "OFF" : "WITHDRAWN";
  current.endedAt = now.toISOString();
  if (action.kind === "disable") current.stopReason = action.reason;
  mockDb.save();
  return autoPaymentState(accountId, now);
}
