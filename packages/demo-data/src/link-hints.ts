import { monthOf, monthStart } from "@lk/domain";
import type { AccountBundle } from "./world.ts";

/** The right answers for linking an account: printed by the seed, used by the journeys. */
export interface LinkHints {
  supplierId: string;
  accountNumber: string;
  address: string;
  /** «двухзонный, АСКУЭ»: what is special about it. */
  description: string;
  /** «Итого» of the latest bill, kopecks (negative: overpayment). */
  billTotal: number | null;
  meterSerial: string | null;
  lastPayment: number | null;
}

export function linkHintsOf(bundle: AccountBundle, now: Date): LinkHints {
  const since = monthOf(monthStart(monthOf(now), undefined, -6));
  const recent = bundle.bills.filter((b) => b.period >= since);
  const lastPayment = bundle.payments
    .filter((p) => p.status === "ACCEPTED")
    .sort((a, b) => b.paidAt.getTime() - a.paidAt.getTime())[0];
  return {
    supplierId: bundle.account.supplierId,
    accountNumber: bundle.account.number,
    address: bundle.account.address,
    description: [
      { SINGLE: "однотарифный", TWO_ZONE: "двухзонный", THREE_ZONE: "трёхзонный" }[bundle.account.tariffPlan],
      bundle.meters.length > 1 ? `${bundle.meters.length} счётчика` : null,
      bundle.meters.some((m) => m.automated) ? "АСКУЭ" : null,
      bundle.meters.some((m) => m.faulty) ? "неисправный счётчик" : null,
    ]
      .filter(Boolean)
      .join(", "),
    billTotal: recent.at(-1)?.totalKopecks ?? null,
    meterSerial: bundle.meters[0]?.serialNumber ?? null,
    lastPayment: lastPayment?.amountKopecks ?? null,
  };
}
