import type { MeterSummary } from "@lk/contract/accounts";

type Source = NonNullable<MeterSummary["lastReading"]>["source"];

/** Who took a reading, in words: an estimate must never look like the customer's own reading. */
export const readingSourceText: Record<Source, string> = {
  CUSTOMER: "передано вами",
  ASKUE: "АСКУЭ",
  INSPECTOR: "контролёр",
  ESTIMATED: "расчётное",
};
