import { randomUUID } from "node:crypto";
import {
  type AcquirerKind,
  type AcquirerPayment,
  acquirerDeadline,
  acquirerNow,
  acquirerResult,
  answerInBankApp,
  cancelOnPage,
  chargeWithToken,
  confirmSecureCode,
  enterCard,
  newAcquirerPage,
} from "@lk/domain";
import type { GatewayResult, PaymentGateway } from "../features/payments/gateway.ts";
import { type AcquirerLedger, MemoryLedger } from "./ledger.ts";

/**
 * Where the acquirer's page for a payment or binding lives, and the СБП payment link (the simulated
 * bank app's page): hosted-page.ts serves both.
 */
export const acquirerPagePath = (gatewayRef: string, kind: AcquirerKind = "PAYMENT") =>
  `/acquirer/${kind === "SBP" ? "sbp" : "pay"}/${encodeURIComponent(gatewayRef)}`;

/**
 * The demo's acquirer: the portal's gateway on one side (create, status, charge a token), its
 * hosted page's steps on the other (the card, 3-D Secure, cancel), each decided by @lk/domain's
 * simulated-acquirer rules. The card number decides (TEST_CARDS): success, a decline with the
 * bank's reason, or an answer 3 s late. Like a real acquirer it charges an order id once.
 * `charges` counts money this instance took, for tests.
 */
export class SimulatedAcquirer implements PaymentGateway {
  charges = 0;

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly ledger: AcquirerLedger = new MemoryLedger(),
  ) {}

  private async open(input: Pick<AcquirerPayment, "orderId" | "kind" | "amountKopecks" | "returnUrl">) {
    const entry = await this.ledger.save(
      newAcquirerPage({ ...input, gatewayRef: `sim-${randomUUID()}`, createdAt: this.now() }),
    );
    return {
      gatewayRef: entry.gatewayRef,
      confirmationUrl: acquirerPagePath(entry.gatewayRef, entry.kind),
      expiresAt: acquirerDeadline(entry),
    };
  }

  createPayment({ amountKopecks, orderId, returnUrl }: { amountKopecks: number; orderId: string; returnUrl: string }) {
    return this.open({ amountKopecks, orderId, returnUrl, kind: "PAYMENT" });
  }

  createSbpPayment({
    amountKopecks,
    orderId,
    returnUrl,
  }: {
    amountKopecks: number;
    orderId: string;
    returnUrl: string;
  }) {
    return this.open({ amountKopecks, orderId, returnUrl, kind: "SBP" });
  }

  createBinding({ orderId, returnUrl }: { orderId: string; returnUrl: string }) {
    return this.open({ orderId, returnUrl, kind: "BINDING", amountKopecks: 0 });
  }

  /** The entry as it stands now (a page left too long has expired, a slow bank has answered). */
  async entry(gatewayRef: string): Promise<AcquirerPayment | null> {
    const stored = await this.ledger.byRef(gatewayRef);
    if (!stored) return null;
    const current = acquirerNow(stored, this.now());
    return current.status === stored.status ? current : this.write(stored, current);
  }

  private async write(before: AcquirerPayment, after: AcquirerPayment) {
    if (after.kind === "PAYMENT" && after.status === "SUCCEEDED" && before.status !== "SUCCEEDED") this.charges += 1;
    return this.ledger.save(after);
  }

  async status(gatewayRef: string): Promise<GatewayResult> {
    const entry = await this.entry(gatewayRef);
    return entry ? acquirerResult(entry) : { status: "PENDING" };
  }

  async binding(gatewayRef: string) {
    const entry = await this.entry(gatewayRef);
    if (!entry)
      return { status: "DECLINED" as const, reason: "Привязка карты не найдена.", token: null, cardMask: null };
    return { ...acquirerResult(entry), token: entry.token, cardMask: entry.cardMask };
  }

  /** A saved card, charged without the customer (no 3-D Secure): the token says how it behaves. */
  async chargeToken(input: { token: string; amountKopecks: number; orderId: string }) {
    const { orderId, amountKopecks } = input;
    const { gatewayRef } = await this.open({ orderId, amountKopecks, kind: "PAYMENT", returnUrl: "/" });
    const created = (await this.ledger.byRef(gatewayRef)) as AcquirerPayment;
    const saved = await this.write(created, chargeWithToken(created, input.token, this.now()));
    return { ...acquirerResult(saved), gatewayRef: saved.gatewayRef };
  }

  // The hosted page's steps: each answers the entry after it, and whether the page is done with it.

  async enterCard(gatewayRef: string, card: { number: string }) {
    const entry = await this.entry(gatewayRef);
    if (!entry) return null;
    const step = enterCard(entry, card);
    if ("error" in step) return { entry, error: step.error };
    return { entry: await this.write(entry, step.payment) };
  }

  async confirmCode(gatewayRef: string, code: string) {
    const entry = await this.entry(gatewayRef);
    if (!entry) return null;
    const step = confirmSecureCode(entry, code, this.now(), randomUUID);
    return { entry: await this.write(entry, step.payment), ...(step.error ? { error: step.error } : {}) };
  }

  /** The simulated bank app's answer to an СБП link: «Оплатить» or «Отклонить». */
  async answerInBankApp(gatewayRef: string, pay: boolean) {
    const entry = await this.entry(gatewayRef);
    if (!entry) return null;
    return { entry: await this.write(entry, answerInBankApp(entry, pay)) };
  }

  async cancel(gatewayRef: string) {
    const entry = await this.entry(gatewayRef);
    if (!entry) return null;
    return { entry: await this.write(entry, cancelOnPage(entry)) };
  }
}
