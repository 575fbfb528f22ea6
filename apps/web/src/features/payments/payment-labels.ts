import type { Payment } from "@lk/contract/payments";
import { formatKopecks } from "@lk/domain";
import { formatBillPeriod } from "../../lib/dates.ts";

/** Where the money came from, in the customer's words. */
export const PAYMENT_CHANNEL_LABEL: Record<Payment["channel"], string> = {
  PORTAL: "Личный кабинет",
  AUTOPAY: "Автоплатёж",
  BANK: "Банк",
  CASH: "Касса",
};

/** `2026-10` → «Октябрь 2026», as a table cell names a bill. */
export function billMonth(period: string): string {
  const text = formatBillPeriod(period);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A bill's bottom line as the paper one prints it: owed, or overpaid (never a negative sum). */
export function billTotal(totalKopecks: number): { label: "Итого по счёту" | "Итого переплата"; amount: string } {
  return totalKopecks < 0
    ? { label: "Итого переплата", amount: formatKopecks(-totalKopecks) }
    : { label: "Итого по счёту", amount: formatKopecks(totalKopecks) };
}

/** What the bill carried over from before: a debt, or an advance. */
export function openingLine(openingKopecks: number): { label: string; amount: string } {
  return openingKopecks > 0
    ? { label: "Задолженность на начало периода", amount: formatKopecks(openingKopecks) }
    : { label: "Аванс на начало периода", amount: formatKopecks(-openingKopecks) };
}

/** A kWh figure from the bill (`123.450`) with a decimal comma and no trailing zeros: «123,45». */
export function formatKwh(kwh: string): string {
  const [whole = "0", fraction = ""] = kwh.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return trimmed ? `${grouped},${trimmed}` : grouped;
}
