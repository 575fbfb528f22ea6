import type { ConsumptionYear } from "@lk/contract/consumption";
import { consumptionCsv, consumptionFileName } from "@lk/domain";
import { toDomainMonths } from "./consumption-months.ts";

/**
 * «Скачать CSV»: the numbers on screen through the domain's own writer (the API's CSV uses it
 * too), so the file matches the chart and the table to the last digit.
 */
export function consumptionFile(data: ConsumptionYear, accountNumber: string) {
  return {
    filename: consumptionFileName(accountNumber, data.year),
    text: consumptionCsv({
      year: data.year,
      zones: data.zones,
      current: toDomainMonths(data.months),
      previous: toDomainMonths(data.previousYear),
    }),
  };
}
