import {
  type AcquirerKind,
  type AcquirerPayment,
  type AcquirerResult,
  acquirerDeadline,
  acquirerNow,
  acquirerResult,
  answerInBankApp,
  cancelOnPage,
  confirmSecureCode,
  enterCard,
  isFinished,
  newAcquirerPage,
} from "@lk/domain";
import { mockClock } from "./mock-clock.ts";
import { type MockAcquirerPayment, mockDb } from "./mock-db.ts";
import { settleMockPayment } from "./mock-payments.ts";

// The simulated acquirer in the browser: the same page steps as the API's (apps/api/src/acquirer),
// decided by @lk/domain's simulated-acquirer rules, over the mock's store. Its page is
// AcquirerPage.tsx, which the mock build shows at /acquirer/pay/<ref>. Where the API's acquirer
// sends a signed callback, this one settles the mock's payment directly: both are "the acquirer
// tells the portal".

const toDomain = (m: MockAcquirerPayment): AcquirerPayment => ({
  ...m,
  createdAt: new Date(m.createdAt),
  pendingSince: m.pendingSince ? new Date(m.pendingSince) : null,
});

const toStored = (p: AcquirerPayment): MockAcquirerPayment => ({
  ...p,
  createdAt: p.createdAt.toISOString(),
  pendingSince: p.pendingSince?.toISOString() ?? null,
});

export const acquirerPagePath = (gatewayRef: string, kind: AcquirerKind = "PAYMENT") =>
  `/acquirer/${kind === "SBP" ? "sbp" : "pay"}/${encodeURIComponent(gatewayRef)}`;

function save(entry: AcquirerPayment): AcquirerPayment {
  const stored = toStored(entry);
  const index = mockDb.state.acquirer.findIndex((e) => e.gatewayRef === entry.gatewayRef);
  if (index === -1) mockDb.state.acquirer.push(stored);
  else mockDb.state.acquirer[index] = stored;
  mockDb.save();
  return entry;
}

/** The acquirer tells the portal: the mock's payment for the order moves as the API's would. */
function report(entry: AcquirerPayment): void {
  if (entry.kind !== "BINDING" && isFinished(entry)) settleMockPayment(entry.orderId, acquirerResult(entry));
}

/** A page for an order; the order's first page again when the acquirer has seen it (a retry). */
export function openAcquirerPage(input: {
  orderId: string;
  kind: AcquirerKind;
  amountKopecks: number;
  returnUrl: string;
}): { gatewayRef: string; confirmationUrl: string; expiresAt: Date } {
  const seen = mockDb.state.acquirer.find((e) => e.orderId === input.orderId);
  const entry =
    seen ??
    toStored(save(newAcquirerPage({ ...input, gatewayRef: `sim-${crypto.randomUUID()}`, createdAt: mockClock.now() })));
  return {
    gatewayRef: entry.gatewayRef,
    confirmationUrl: acquirerPagePath(entry.gatewayRef, entry.kind),
    expiresAt: acquirerDeadline(toDomain(entry)),
  };
}

/** The page as it stands now (expired, or a slow bank's answer arrived), told to the portal when it moved. */
export function acquirerEntry(gatewayRef: string): AcquirerPayment | null {
  const stored = mockDb.state.acquirer.find((e) => e.gatewayRef === gatewayRef);
  if (!stored) return null;
  const before = toDomain(stored);
  const now = acquirerNow(before, mockClock.now());
  if (now.status === before.status) return before;
  report(save(now));
  return now;
}

/** What the portal's side asks: the status of an order's page. */
export function acquirerStatus(gatewayRef: string): AcquirerResult {
  const entry = acquirerEntry(gatewayRef);
  return entry ? acquirerResult(entry) : { status: "PENDING" };
}

type Step = { entry: AcquirerPayment; error?: string } | null;

function step(
  gatewayRef: string,
  move: (entry: AcquirerPayment) => { payment: AcquirerPayment; error?: string },
): Step {
  const entry = acquirerEntry(gatewayRef);
  if (!entry) return null;
  const { payment, error } = move(entry);
  const saved = save(payment);
  if (saved.status !== entry.status) report(saved);
  return { entry: saved, ...(error ? { error } : {}) };
}

/** The page's steps, as the customer takes them: the card, the 3-D Secure code, or «Отменить». */
export const acquirerPage = {
  enterCard: (gatewayRef: string, card: { number: string }): Step =>
    step(gatewayRef, (entry) => {
      const next = enterCard(entry, card);
      return "error" in next ? { payment: entry, error: next.error } : next;
    }),
  confirmCode: (gatewayRef: string, code: string): Step =>
    step(gatewayRef, (entry) => confirmSecureCode(entry, code, mockClock.now(), () => crypto.randomUUID())),
  cancel: (gatewayRef: string): Step => step(gatewayRef, (entry) => ({ payment: cancelOnPage(entry) })),
  /** СБП: the customer's bank app, «Оплатить» or «Отклонить». */
  answerInBankApp: (gatewayRef: string, pay: boolean): Step =>
    step(gatewayRef, (entry) => ({ payment: answerInBankApp(entry, pay) })),
};
