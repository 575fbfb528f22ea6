import { randomUUID } from "node:crypto";
import { simulatedOutcome, TEST_CARDS } from "@lk/domain";

export interface CardDetails {
  number: string;
  expiry: string;
  cvc: string;
}

export type GatewayResult = { status: "SUCCEEDED" } | { status: "DECLINED"; reason: string } | { status: "PENDING" };

/**
 * The seam where a real acquirer plugs in: create a payment, confirm it with a card (or a saved
 * token), ask its status later, save a card as a token for autopayment, and charge a token.
 */
export interface PaymentGateway {
  createPayment(input: {
    amountKopecks: number;
    orderId: string;
    description: string;
  }): Promise<{ gatewayRef: string }>;
  confirm(gatewayRef: string, card: CardDetails): Promise<GatewayResult>;
  status(gatewayRef: string): Promise<GatewayResult>;
  tokenizeCard(card: CardDetails): Promise<{ token: string }>;
  chargeToken(input: {
    token: string;
    amountKopecks: number;
    orderId: string;
  }): Promise<GatewayResult & { gatewayRef: string }>;
}

/**
 * The demo's gateway: the card number decides (packages/domain TEST_CARDS): success, a decline with
 * the bank's reason, or no answer in time (the payment stays «в обработке»; `status` reports success
 * once `settleAfterMs` have passed). `charges` counts money taken, for tests.
 */
export class SimulatedGateway implements PaymentGateway {
  private readonly payments = new Map<
    string,
    { amountKopecks: number; outcome?: GatewayResult; pendingSince?: number }
  >();
  charges = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly settleAfterMs = 3000,
  ) {}

  async createPayment(input: { amountKopecks: number }) {
    const gatewayRef = `sim-${randomUUID()}`;
    this.payments.set(gatewayRef, { amountKopecks: input.amountKopecks });
    return { gatewayRef };
  }

  async confirm(gatewayRef: string, card: CardDetails): Promise<GatewayResult> {
    const payment = this.payments.get(gatewayRef);
    if (!payment) return { status: "DECLINED", reason: "Платёж не найден в шлюзе." };
    if (payment.outcome) return payment.outcome;
    const outcome = simulatedOutcome(card.number);
    if (outcome.kind === "TIMEOUT") {
      payment.pendingSince = this.now();
      return { status: "PENDING" };
    }
    payment.outcome =
      outcome.kind === "SUCCEEDED" ? { status: "SUCCEEDED" } : { status: "DECLINED", reason: outcome.reason };
    if (outcome.kind === "SUCCEEDED") this.charges += 1;
    return payment.outcome;
  }

  async status(gatewayRef: string): Promise<GatewayResult> {
    const payment = this.payments.get(gatewayRef);
    if (!payment) return { status: "PENDING" };
    if (
      !payment.outcome &&
      payment.pendingSince !== undefined &&
      this.now() - payment.pendingSince >= this.settleAfterMs
    ) {
      payment.outcome = { status: "SUCCEEDED" };
      this.charges += 1;
    }
    return payment.outcome ?? { status: "PENDING" };
  }

  /** The token carries only how the card behaves, never its number, so it survives a restart. */
  async tokenizeCard(card: CardDetails) {
    return { token: `tok-${simulatedOutcome(card.number).kind.toLowerCase()}-${randomUUID()}` };
  }

  async chargeToken(input: { token: string; amountKopecks: number }) {
    const { gatewayRef } = await this.createPayment(input);
    const kind = /^tok-(succeeded|declined|timeout)-/.exec(input.token)?.[1];
    const card = kind === "declined" ? DECLINED_CARD : kind === "timeout" ? TIMEOUT_CARD : kind ? SUCCESS_CARD : null;
    const result: GatewayResult = card
      ? await this.confirm(gatewayRef, card)
      : { status: "DECLINED", reason: "Карта не найдена." };
    return { ...result, gatewayRef };
  }
}

const SUCCESS_CARD = { number: TEST_CARDS.success, expiry: "12/30", cvc: "123" };
const DECLINED_CARD = { ...SUCCESS_CARD, number: TEST_CARDS.declined };
const TIMEOUT_CARD = { ...SUCCESS_CARD, number: TEST_CARDS.timeout };
