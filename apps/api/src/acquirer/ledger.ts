import type { Database } from "@lk/db";
import type { AcquirerPayment } from "@lk/domain";

/** Where the simulated acquirer keeps its records. */
export interface AcquirerLedger {
  byRef(gatewayRef: string): Promise<AcquirerPayment | null>;
  byOrder(orderId: string): Promise<AcquirerPayment | null>;
  /** Writes the entry; for a new order id that already exists, keeps and returns the first. */
  save(entry: AcquirerPayment): Promise<AcquirerPayment>;
}

/** In this process only: for tests that need no restart. */
export class MemoryLedger implements AcquirerLedger {
  private readonly entries = new Map<string, AcquirerPayment>();
  async byRef(gatewayRef: string) {
    const entry = this.entries.get(gatewayRef);
    return entry ? { ...entry } : null;
  }
  async byOrder(orderId: string) {
    const entry = [...this.entries.values()].find((e) => e.orderId === orderId);
    return entry ? { ...entry } : null;
  }
  async save(entry: AcquirerPayment) {
    const first = await this.byOrder(entry.orderId);
    if (first && first.gatewayRef !== entry.gatewayRef) return first;
    this.entries.set(entry.gatewayRef, { ...entry });
    return entry;
  }
}

type Row = Omit<AcquirerPayment, "status" | "kind" | "cardOutcome"> & {
  status: string;
  kind: string;
  cardOutcome: string | null;
};

const toEntry = (row: Row | null): AcquirerPayment | null =>
  row
    ? {
        ...row,
        status: row.status as AcquirerPayment["status"],
        kind: row.kind as AcquirerPayment["kind"],
        cardOutcome: row.cardOutcome as AcquirerPayment["cardOutcome"],
      }
    : null;

/** In the database: the acquirer's side survives a restart of any API instance, and any instance serves its page. */
export class DatabaseLedger implements AcquirerLedger {
  constructor(private readonly db: Database) {}
  async byRef(gatewayRef: string) {
    return toEntry(await this.db.simulatedAcquirerPayment.findUnique({ where: { gatewayRef } }));
  }
  async byOrder(orderId: string) {
    return toEntry(await this.db.simulatedAcquirerPayment.findUnique({ where: { orderId } }));
  }
  async save(entry: AcquirerPayment) {
    const { gatewayRef, ...rest } = entry;
    // A new order is created once however many callers race; later saves update its state.
    const row = await this.db.simulatedAcquirerPayment.upsert({
      where: { orderId: entry.orderId },
      create: entry,
      update: (await this.byRef(gatewayRef)) ? rest : {},
    });
    return toEntry(row) as AcquirerPayment;
  }
}
