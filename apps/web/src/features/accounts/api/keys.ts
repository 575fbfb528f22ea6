/** Query keys of the accounts feature, from one place so mutations invalidate exactly what they change. */
export const accountKeys = {
  all: ["accounts"] as const,
  suppliers: () => [...accountKeys.all, "suppliers"] as const,
  list: () => [...accountKeys.all, "list"] as const,
  details: () => [...accountKeys.all, "detail"] as const,
  detail: (accountId: string) => [...accountKeys.details(), accountId] as const,
};
