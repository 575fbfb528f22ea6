import { DEMO_CUSTOMER, DEMO_LINKED_ACCOUNTS, DEMO_OPERATOR } from "@lk/demo-data";
import { mockDb } from "./mock-db.ts";
import { mockWorld } from "./mock-world.ts";

const DEMO_USER_ID = "00000000-0000-4000-8000-000000000001";
const DEMO_OPERATOR_ID = "00000000-0000-4000-8000-000000000002";

/** The demo operator, as in the database seed: reviews customers' requests at /operator. */
function seedOperator(): void {
  if (mockDb.state.users.some((u) => u.email === DEMO_OPERATOR.email)) return;
  mockDb.state.users.push({
    id: DEMO_OPERATOR_ID,
    email: DEMO_OPERATOR.email,
    phone: null,
    fullName: DEMO_OPERATOR.fullName,
    role: "OPERATOR",
    password: DEMO_OPERATOR.password,
    emailConfirmed: true,
    newsletter: false,
  });
  mockDb.save();
}

/**
 * The mock's first state: the same demo customer, with the same linked accounts, and the same
 * operator as the database seed. The customer comes first (tests take `users[0]` for them).
 */
export function seedMockDb(): void {
  seedCustomer();
  seedOperator();
}

function seedCustomer(): void {
  if (mockDb.state.users.some((u) => u.email === DEMO_CUSTOMER.email)) return;
  mockDb.state.users.push({
    id: DEMO_USER_ID,
    email: DEMO_CUSTOMER.email,
    phone: DEMO_CUSTOMER.phone,
    fullName: DEMO_CUSTOMER.fullName,
    role: "CUSTOMER",
    password: DEMO_CUSTOMER.password,
    // As in the database seed: the demo's bills may go by e-mail at once, and both logins are proved.
    emailConfirmed: true,
    phoneConfirmed: true,
    newsletter: false,
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
