import { DEMO_CUSTOMER, DEMO_LINKED_ACCOUNTS } from "@lk/demo-data";
import { mockDb } from "./mock-db.ts";
import { mockWorld } from "./mock-world.ts";

const DEMO_USER_ID = "00000000-0000-4000-8000-000000000001";

/** The mock's first state: the same demo customer, with the same linked accounts, as the database seed. */
export function seedMockDb(): void {
  if (mockDb.state.users.some((u) => u.email === DEMO_CUSTOMER.email)) return;
  mockDb.state.users.push({
    id: DEMO_USER_ID,
    email: DEMO_CUSTOMER.email,
    phone: DEMO_CUSTOMER.phone,
    fullName: DEMO_CUSTOMER.fullName,
    role: "CUSTOMER",
    password: DEMO_CUSTOMER.password,
  });
  const linkedAt = new Date().toISOString();
  DEMO_LINKED_ACCOUNTS.forEach((index, order) => {
    const bundle = mockWorld().bundles[index];
    if (bundle) {
      mockDb.state.accountLinks.push({
        userId: DEMO_USER_ID,
        accountId: bundle.account.id,
        isPrimary: order === 0,
        linkedAt,
      });
    }
  });
  mockDb.save();
}
