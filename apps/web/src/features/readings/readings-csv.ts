import type { ReadingHistoryItem } from "@lk/contract/readings";
import { csvDecimal, csvText, historyFileName, ZONE_LABEL } from "@lk/domain";
import { formatMoscowDate } from "../../lib/dates.ts";
import type { Period } from "../../lib/period.ts";
import { readingSourceLabel, readingStatusLabel } from "./reading-labels.ts";

const ZONES = ["T1", "T2", "T3"] as const;

/**
 * «История» → «Показания» → «Скачать CSV»: the rows on screen, a column per zone any of them has
 * (the values as the meter shows them), in the consumption file's format.
 */
export function readingsFile(readings: ReadingHistoryItem[], accountNumber: string, period: Period) {
  const zones = ZONES.filter((zone) => readings.some((r) => r.values.some((v) => v.zone === zone)));
  const rows = readings.map((r) => [
    formatMoscowDate(r.takenAt),
    r.serialNumber,
    ...zones.map((zone) => csvDecimal(r.values.find((v) => v.zone === zone)?.value ?? "")),
    readingSourceLabel[r.source],
    readingStatusLabel[r.status],
  ]);
  return {
    filename: historyFileName("pokazaniya", accountNumber, period),
    text: csvText(
      ["Дата", "Счётчик", ...zones.map((zone) => `${ZONE_LABEL[zone]}, кВт·ч`), "Источник", "Статус"],
      rows,
    ),
  };
}
