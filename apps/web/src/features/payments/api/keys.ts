import type { Period } from "../../../lib/period.ts";

/** Query keys of the payments feature, from one place so mutations invalidate exactly what they change. */
export const paymentKeys = {
  all: ["payments"] as const,
  account: (accountId: string) => [...paymentKeys.all, accountId] as const,
  lists: (accountId: string) => [...paymentKeys.account(accountId), "list"] as const,
  list: (accountId: string, period: Period) => [...paymentKeys.lists(accountId), period.from, period.to] as const,
  payment: (accountId: string, paymentId: string) => [...paymentKeys.account(accountId), "payment", paymentId] as const,
  billLists: (accountId: string) => [...paymentKeys.account(accountId), "bills"] as const,
  billList: (accountId: string, period: Period) =>
    [...paymentKeys.billLists(accountId), period.from, period.to] as const,
  /** A bill's details change when a payment is accepted («Оплачено»); the list of bills does not. */
  billDetails: (accountId: string) => [...paymentKeys.account(accountId), "bill"] as const,
  bill: (accountId: string, billId: string) => [...paymentKeys.billDetails(accountId), billId] as const,
  autoPayment: (accountId: string) => [...paymentKeys.account(accountId), "autopayment"] as const,
};
