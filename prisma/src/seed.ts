import { DEMO_CUSTOMER, DEMO_OPERATOR } from "@lk/demo-data";
import type { Database } from "./client.ts";
import { hashPassword } from "./passwords.ts";
import { linkDemoAccounts, seedWorld, type WorldSeedOptions } from "./world-seed.ts";

export interface SeedReport {
  demoCreated: boolean;
  worldCreated: boolean;
}

/** Demo data: the billing world and the demo customer with an account. Idempotent. */
export async function seedDemo(db: Database, options: WorldSeedOptions = {}): Promise<SeedReport> {
  const { created: worldCreated } = await seedWorld(db, options);
  let user = await db.user.findUnique({ where: { email: DEMO_CUSTOMER.email } });
  const demoCreated = !user;
  user ??= await db.user.create({
    data: {
      email: DEMO_CUSTOMER.email,
      phone: DEMO_CUSTOMER.phone,
      fullName: DEMO_CUSTOMER.fullName,
      passwordHash: await hashPassword(DEMO_CUSTOMER.password),
      // The demo address counts as confirmed, so e-mail bills can be switched on at once.
      emailConfirmedAt: new Date(),
    },
  });
  if (demoCreated || worldCreated) await linkDemoAccounts(db, user.id, options);
  if (!(await db.user.findUnique({ where: { email: DEMO_OPERATOR.email } }))) {
    await db.user.create({
      data: {
        email: DEMO_OPERATOR.email,
        fullName: DEMO_OPERATOR.fullName,
        passwordHash: await hashPassword(DEMO_OPERATOR.password),
        role: "OPERATOR",
        emailConfirmedAt: new Date(),
      },
    });
  }
  return { demoCreated, worldCreated };
}
