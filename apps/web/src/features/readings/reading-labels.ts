import type { ReadingHistoryItem, SubmitReadingResult } from "@lk/contract/readings";
import { formatKopecks, formatMilli, milliOf, ZONE_LABEL } from "@lk/domain";
import { formatMeterValue } from "../../lib/meter-format.ts";

/** Who took a reading: the supplier's estimate must never pass for the customer's own reading. */
export const readingSourceLabel: Record<ReadingHistoryItem["source"], string> = {
  CUSTOMER: "Переданы вами",
  ASKUE: "АСКУЭ",
  INSPECTOR: "Контролёр",
  ESTIMATED: "Расчётные (оценка поставщика)",
};

export const readingStatusLabel: Record<ReadingHistoryItem["status"], string> = {
  ACTIVE: "Учтены",
  REPLACED: "Заменены",
};

/** «Т1: 12 345,6; Т2: 4 321,0»: each zone with its value, digits as the meter shows them. */
export function formatReadingValues(values: ReadingHistoryItem["values"]): string {
  return values.map(({ zone, value }) => `${ZONE_LABEL[zone]}: ${formatMeterValue(value)}`).join("; ");
}

/** 150000 → «150», 1234500 → «1 234,5»: kWh without trailing zeros. */
export function formatKwh(milli: number): string {
  return formatMeterValue(formatMilli(milli, 3).replace(/\.?0+$/, ""));
}

/** The confirmation after «Передать»: what was saved, the use it implies and about what it costs. */
export function submittedText(result: SubmitReadingResult): string {
  const kwh = result.consumption.reduce((sum, c) => sum + milliOf(c.kwh), 0);
  const text = `Показания переданы: ${formatReadingValues(result.reading.values)}. Расход ${formatKwh(kwh)} кВт·ч, примерно ${formatKopecks(result.totalCostKopecks)}.`;
  return result.replacedPrevious ? `${text} Прежние показания этого месяца заменены.` : text;
}
