/** Query keys of the consumption feature, from one place so mutations invalidate exactly what they change. */
export const consumptionKeys = {
  all: ["consumption"] as const,
  account: (accountId: string) => [...consumptionKeys.all, accountId] as const,
  year: (accountId: string, year: number) => [...consumptionKeys.account(accountId), year] as const,
  /** Under the account's key: a reading sent refreshes it with the chart. */
  thisMonth: (accountId: string) => [...consumptionKeys.account(accountId), "this-month"] as const,
  tariffComparison: (accountId: string) => [...consumptionKeys.account(accountId), "tariff-comparison"] as const,
};
