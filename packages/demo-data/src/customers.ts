/** The demo customer the seed creates; printed by `pnpm start`. */
export const DEMO_CUSTOMER = {
  email: "demo@lk.test",
  phone: "+79990000001",
  fullName: "Иванова Мария Петровна",
  password: "Demo-2026",
} as const;
