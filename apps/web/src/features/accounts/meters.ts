import type { MeterSummary } from "@lk/contract/accounts";
import { groupDigits } from "@lk/domain";

type Source = NonNullable<MeterSummary["lastReading"]>["source"];

/** Who took a reading, in words: an estimate must never look like the customer's own reading. */
export const readingSourceText: Record<Source, string> = {
  CUSTOMER: "передано вами",
  ASKUE: "АСКУЭ",
  INSPECTOR: "контролёр",
  ESTIMATED: "расчётное",
};

/**
 * `54.30` → «54,3», `1234.5` → «1 234,5»: areas as a person writes them (and as ru-RU's
 * `toLocaleString` would, without loading its locale data on the first screen). Areas come with
 * at most two decimals, so nothing is rounded: trailing zeros go.
 */
export function formatArea(area: string): string {
  const [whole = "0", fraction = ""] = area.split(".");
  const kept = fraction.replace(/0+$/, "");
  const grouped = groupDigits(String(Number(whole)));
  return kept ? `${grouped},${kept}` : grouped;
}
