import { consumptionRoutes } from "@lk/contract/consumption";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiCall } from "../../../lib/api-client.ts";
import { consumptionKeys } from "./keys.ts";

/** Monthly use of a year by zone, from actual readings, with the year before for comparison. */
export const getConsumption = (accountId: string, year: number) =>
  apiCall(consumptionRoutes.year, { params: { accountId }, query: { year } });

export const consumptionQueryOptions = (accountId: string, year: number) =>
  queryOptions({
    queryKey: consumptionKeys.year(accountId, year),
    queryFn: () => getConsumption(accountId, year),
  });

export function useConsumption(accountId: string, year: number) {
  // The shown year stays on screen while another loads, instead of a blank card.
  return useQuery({ ...consumptionQueryOptions(accountId, year), placeholderData: keepPreviousData });
}
