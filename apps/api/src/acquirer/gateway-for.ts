import type { Database } from "@lk/db";
import type { PaymentAcquirer } from "../config.ts";
import type { PaymentGateway } from "../features/payments/gateway.ts";
import { DatabaseLedger } from "./ledger.ts";
import { SimulatedAcquirer } from "./simulated-acquirer.ts";

/**
 * The payment gateway PAYMENT_ACQUIRER names (config.acquirer), for the server, its app and the
 * jobs alike. A real acquirer becomes one more case here; the switch then makes every caller's
 * choice explicit instead of falling back to the simulator.
 */
export function gatewayFor(acquirer: PaymentAcquirer, deps: { db: Database; now: () => Date }): PaymentGateway {
  switch (acquirer) {
    case "simulated":
      // The acquirer's side lives in the database, so a payment pending at a restart settles later.
      return new SimulatedAcquirer(deps.now, new DatabaseLedger(deps.db));
  }
}
