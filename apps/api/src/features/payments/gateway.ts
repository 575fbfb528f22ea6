import { randomUUID } from "node:crypto";
import type { Database } from "@lk/db";
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
  /** Creates (or, for an order id it has seen, finds) the acquirer's payment for an order. */
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

/** One payment as the simulated acquirer records it. */
export interface AcquirerEntry {
  gatewayRef: string;
  orderId: string;
  amountKopecks: number;
  status: "CREATED" | "PENDING" | "SUCCEEDED" | "DECLINED";
  reason: string | null;
  pendingSince: Date | null;
}

/** Where the simulated acquirer keeps its records. */
export interface AcquirerLedger {
  byRef(gatewayRef: string): Promise<AcquirerEntry | null>;
  byOrder(orderId: string): Promise<AcquirerEntry | null>;
  /** Writes the entry; for a new order id that already exists, keeps and returns the first. */
  save(entry: AcquirerEntry): Promise<AcquirerEntry>;
}

/** In this process only: for tests that need no restart. */
export class MemoryLedger implements AcquirerLedger {
  private readonly entries = new Map<string, AcquirerEntry>();
  async byRef(gatewayRef: string) {
    return this.entries.get(gatewayRef) ?? null;
  }
  async byOrder(orderId: string) {
    return [...this.entries.values()].find((e) => e.orderId === orderId) ?? null;
  }
  async save(entry: AcquirerEntry) {
    const first = await this.byOrder(entry.orderId);
    if (first && first.gatewayRef !== entry.gatewayRef) return first;
    this.entries.set(entry.gatewayRef, { ...entry });
    return entry;
  }
}

/** In the database: the acquirer's side survives a restart of any API instance. */
export class DatabaseLedger implements AcquirerLedger {
  constructor(private readonly db: Database) {}
  async byRef(gatewayRef: string) {
    return toEntry(await this.db.simulatedAcquirerPayment.findUnique({ where: { gatewayRef } }));
  }
  async byOrder(orderId: string) {
    return toEntry(await this.db.simulatedAcquirerPayment.findUnique({ where: { orderId } }));
  }
  async save(entry: AcquirerEntry) {
    const { gatewayRef, ...rest } = entry;
    // A new order is created once however many callers race; later saves update its state.
    const row = await this.db.simulatedAcquirerPayment.upsert({
      where: { orderId: entry.orderId },
      create: entry,
      update: (await this.byRef(gatewayRef)) ? rest : {},
    });
    return toEntry(row) as AcquirerEntry;
  }
}

const toEntry = (row: (Omit<AcquirerEntry, "status"> & { status: string }) | null): AcquirerEntry | null =>
  row ? { ...row, status: row.status as AcquirerEntry["status"] } : null;

/**
 * The demo's gateway: the card number decides (packages/domain TEST_CARDS): success, a decline with
 * the bank's reason, or no answer in time (the payment stays «в обработке»; `status` reports success
 * once `settleAfterMs` have passed). Like a real acquirer it charges an order id once: asked again
 * for the same order (a retry, a job completing a crashed run) it answers with the first result.
 * `charges` counts money this instance took, for tests.
 */
export class SimulatedGateway implements PaymentGateway {
  charges = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly settleAfterMs = 3000,
    private readonly ledger: AcquirerLedger = new MemoryLedger(),
  ) {}

  async createPayment(input: { amountKopecks: number; orderId: string }) {
    const entry = await this.ledger.save({
      gatewayRef: `sim-${randomUUID()}`,
      orderId: input.orderId,
      amountKopecks: input.amountKopecks,
      status: "CREATED",
      reason: null,
      pendingSince: null,
    });
    return { gatewayRef: entry.gatewayRef };
  }

  async confirm(gatewayRef: string, card: CardDetails): Promise<GatewayResult> {
    const payment = await this.ledger.byRef(gatewayRef);
    if (!payment) return { status: "DECLINED", reason: "Платёж не найден в шлюзе." };
    if (payment.status !== "CREATED") return resultOf(payment);
    const outcome = simulatedOutcome(card.number);
    if (outcome.kind === "TIMEOUT") {
      await this.ledger.save({ ...payment, status: "PENDING", pendingSince: new Date(this.now()) });
      return { status: "PENDING" };
    }
    const settled =
      outcome.kind === "SUCCEEDED"
        ? { ...payment, status: "SUCCEEDED" as const }
        : { ...payment, status: "DECLINED" as const, reason: outcome.reason };
    await this.ledger.save(settled);
    if (outcome.kind === "SUCCEEDED") this.charges += 1;
    return resultOf(settled);
  }

  async status(gatewayRef: string): Promise<GatewayResult> {
    const payment = await this.ledger.byRef(gatewayRef);
    if (!payment) return { status: "PENDING" };
    if (
      payment.status === "PENDING" &&
      payment.pendingSince &&
      this.now() - payment.pendingSince.getTime() >= this.settleAfterMs
    ) {
      await this.ledger.save({ ...payment, status: "SUCCEEDED" });
      this.charges += 1;
      return { status: "SUCCEEDED" };
    }
    return resultOf(payment);
  }

  /** The token carries only how the card behaves, never its number, so it survives a restart. */
  async tokenizeCard(card: CardDetails) {
    return { token: `tok-${simulatedOutcome(card.number).kind.toLowerCase()}-${randomUUID()}` };
  }

  async chargeToken(input: { token: string; amountKopecks: number; orderId: string }) {
    const { gatewayRef } = await this.createPayment(input);
    const kind = /^tok-(succeeded|declined|timeout)-/.exec(input.token)?.[1];
    const card = kind === "declined" ? DECLINED_CARD : kind === "timeout" ? TIMEOUT_CARD : kind ? SUCCESS_CARD : null;
    const result: GatewayResult = card
      ? await this.confirm(gatewayRef, card)
      : { status: "DECLINED", reason: "Карта не найдена." };
    return { ...result, gatewayRef };
  }
}

function resultOf(entry: AcquirerEntry): GatewayResult {
  if (entry.status === "SUCCEEDED") return { status: "SUCCEEDED" };
  if (entry.status === "DECLINED") return { status: "DECLINED", reason: entry.reason ?? "Отказ банка." };
  return { status: "PENDING" };
}

const SUCCESS_CARD = { number: TEST_CARDS.success, expiry: "12/30", cvc: "123" };
const DECLINED_CARD = { ...SUCCESS_CARD, number: TEST_CARDS.declined };
const TIMEOUT_CARD = { ...SUCCESS_CARD, number: TEST_CARDS.timeout };
