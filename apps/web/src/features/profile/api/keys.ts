/** Query keys of the profile feature, from one place so mutations update exactly what they change. */
export const profileKeys = {
  all: ["profile"] as const,
  profile: () => [...profileKeys.all, "me"] as const,
  billDelivery: () => [...profileKeys.all, "bill-delivery"] as const,
};
