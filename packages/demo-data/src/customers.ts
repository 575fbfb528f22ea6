/** The demo customer the seed creates; printed by `pnpm start`. */
export const DEMO_CUSTOMER = {
  email: "demo@lk.test",
  phone: "+79990000001",
  fullName: "Иванова Мария Петровна",
  password: "Demo-2026",
} as const;

/** The demo operator: reviews customers' requests at /operator. */
export const DEMO_OPERATOR = {
  email: "operator@lk.test",
  fullName: "Смирнова Ольга Викторовна",
  password: "Operator-2026",
} as const;

/** Account indexes (in the generated world) linked to the demo customer; the first is primary. */
export const DEMO_LINKED_ACCOUNTS = [0] as const;

/** Accounts the demo customer can try to link: two- and three-zone, АСКУЭ, faulty, other suppliers. */
export const DEMO_LINKABLE_ACCOUNTS = [1, 2, 3, 4, 5, 6] as const;
