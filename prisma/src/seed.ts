import { DEMO_CUSTOMER } from "@lk/demo-data";
import type { Database } from "./client.ts";
import { hashPassword } from "./passwords.ts";

export interface SeedReport {
  demoCreated: boolean;
}

/** Demo data: idempotent, safe to run on every start. */
export async function seedDemo(db: Database): Promise<SeedReport> {
  const existing = await db.user.findUnique({ where: { email: DEMO_CUSTOMER.email } });
  if (existing) return { demoCreated: false };
  await db.user.create({
    data: {
      email: DEMO_CUSTOMER.email,
      phone: DEMO_CUSTOMER.phone,
      fullName: DEMO_CUSTOMER.fullName,
      passwordHash: await hashPassword(DEMO_CUSTOMER.password),
    },
  });
  return { demoCreated: true };
}
