import { DEMO_CUSTOMER } from "@lk/demo-data";
import { mockDb } from "./mock-db.ts";

/** The mock's first state: the same demo customer as the database seed. */
export function seedMockDb(): void {
  if (mockDb.state.users.some((u) => u.email === DEMO_CUSTOMER.email)) return;
  mockDb.state.users.push({
    id: "00000000-0000-4000-8000-000000000001",
    email: DEMO_CUSTOMER.email,
    phone: DEMO_CUSTOMER.phone,
    fullName: DEMO_CUSTOMER.fullName,
    role: "CUSTOMER",
    password: DEMO_CUSTOMER.password,
  });
  mockDb.save();
}
