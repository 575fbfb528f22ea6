import type { MeterSummary } from "@lk/contract/accounts";

type Source = NonNullable<MeterSummary["lastReading"]>["source"];

/** Who took a reading, in words: an estimate must never look like the customer's own reading. */
export const readingSourceText: Record<Source, string> = {
  CUSTOMER: "передано вами",
  ASKUE: "АСКУЭ",
  INSPECTOR: "контролёр",
  ESTIMATED: "расчётное",
};

/** `54.30` → «54,3»: areas as a person writes them. */
export function formatArea(area: string): string {
  return Number(area).toLocaleString("ru-RU", { maximumFractionDigits: 2 });
}
