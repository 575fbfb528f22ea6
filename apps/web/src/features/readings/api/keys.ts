/** Query keys of the readings feature, from one place so mutations invalidate exactly what they change. */
export const readingKeys = {
  all: ["readings"] as const,
  account: (accountId: string) => [...readingKeys.all, accountId] as const,
  state: (accountId: string) => [...readingKeys.account(accountId), "state"] as const,
  histories: (accountId: string) => [...readingKeys.account(accountId), "history"] as const,
  history: (accountId: string, period: { from: string; to: string }) =>
    [...readingKeys.histories(accountId), period.from, period.to] as const,
};
