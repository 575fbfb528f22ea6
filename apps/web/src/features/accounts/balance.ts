import { formatKopecks } from "@lk/domain";

export type BalanceTone = "due" | "overpaid" | "clear";

export interface BalanceWording {
  label: "К оплате" | "Переплата" | "Задолженности нет";
  /** The amount without a sign (an overpayment is printed as a positive sum), or null at zero. */
  amount: string | null;
  /** For styling only; the label carries the meaning in words. */
  tone: BalanceTone;
}

/** How the portal words a balance: positive is owed, negative is overpaid. */
export function balanceWording(balanceKopecks: number): BalanceWording {
  if (balanceKopecks > 0) return { label: "К оплате", amount: formatKopecks(balanceKopecks), tone: "due" };
  if (balanceKopecks < 0) return { label: "Переплата", amount: formatKopecks(-balanceKopecks), tone: "overpaid" };
  return { label: "Задолженности нет", amount: null, tone: "clear" };
}

/** «К оплате 1 234,56 ₽», «Переплата 500,00 ₽» or «Задолженности нет». */
export function balanceText(balanceKopecks: number): string {
  const { label, amount } = balanceWording(balanceKopecks);
  return amount ? `${label} ${amount}` : label;
}
