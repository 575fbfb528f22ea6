import type { ConsumptionYear } from "@lk/contract/consumption";
import { consumptionCsv } from "@lk/domain";
import { toDomainMonths } from "./consumption-months.ts";

export const CSV_TYPE = "text/csv;charset=utf-8";

/**
 * «Скачать CSV»: the numbers on screen through the domain's own writer (the API's CSV uses it
 * too), so the file matches the chart and the table to the last digit.
 */
export function consumptionFile(data: ConsumptionYear, accountNumber: string) {
  return {
    filename: `potreblenie-${accountNumber}-${data.year}.csv`,
    text: consumptionCsv(data.year, data.zones, toDomainMonths(data.months), toDomainMonths(data.previousYear)),
  };
}
