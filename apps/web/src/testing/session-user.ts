import type { User } from "@lk/contract/auth";

/** A signed-in customer as the session answers carry it, for the API client's tests. */
export const sessionUser: User = {
  id: "00000000-0000-4000-8000-000000000009",
  email: "a@b.ru",
  phone: null,
  fullName: "Анна",
  role: "CUSTOMER",
};
