/** The acquirer's answer about a payment: done (success or decline), or not yet. */
export type GatewayResult = { status: "SUCCEEDED" } | { status: "DECLINED"; reason: string } | { status: "PENDING" };

/**
 * The seam where a real acquirer plugs in. The portal never sees a card: it creates a payment (or a
 * card binding for autopayment) and sends the customer to the acquirer's page at `confirmationUrl`;
 * the acquirer reports the result by a signed callback (routes.payments.acquirerCallback) and
 * answers `status` when asked. Saved cards are charged by the acquirer's token.
 */
export interface PaymentGateway {
  /** Creates (or, for an order id it has seen, finds) the acquirer's payment for an order. */
  createPayment(input: {
    amountKopecks: number;
    orderId: string;
    description: string;
    /** Where the acquirer's page sends the customer back to (a path of the portal). */
    returnUrl: string;
  }): Promise<{ gatewayRef: string; confirmationUrl: string }>;
  /**
   * A payment by the Faster Payments System (СБП): a payment link (shown as a QR code, opened by the
   * customer's bank app), valid until `expiresAt`; the result comes as for a card.
   */
  createSbpPayment(input: {
    amountKopecks: number;
    orderId: string;
    description: string;
    returnUrl: string;
  }): Promise<{ gatewayRef: string; confirmationUrl: string; expiresAt: Date }>;
  /** A card binding for autopayment: the customer types the card on the acquirer's page. */
  createBinding(input: {
    orderId: string;
    returnUrl: string;
  }): Promise<{ gatewayRef: string; confirmationUrl: string }>;
  status(gatewayRef: string): Promise<GatewayResult>;
  /** A binding's result: the token and the card's mask once it succeeded. */
  binding(gatewayRef: string): Promise<GatewayResult & { token: string | null; cardMask: string | null }>;
  chargeToken(input: {
    token: string;
    amountKopecks: number;
    orderId: string;
  }): Promise<GatewayResult & { gatewayRef: string }>;
}
