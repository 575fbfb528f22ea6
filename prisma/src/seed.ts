import { DEMO_CUSTOMER, DEMO_OPERATOR } from "@lk/demo-data";
import type { Database } from "./client.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
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
      // The demo contacts count as confirmed, so e-mail bills and linking work at once.
      emailConfirmedAt: new Date(),
      phoneConfirmedAt: DEMO_CUSTOMER.phone ? new Date() : null,
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

/**
 * The demo logins whose password is still the one the README publishes. A server open to strangers
 * refuses to start while there is one (anyone could sign in as the operator and read every
 * customer's documents).
 */
export async function workingDemoLogins(db: Database): Promise<string[]> {
  const working: string[] = [];
  for (const demo of [DEMO_CUSTOMER, DEMO_OPERATOR]) {
    const user = await db.user.findUnique({ where: { email: demo.email }, select: { passwordHash: true } });
    if (user && (await verifyPassword(user.passwordHash, demo.password))) working.push(demo.email);
  }
  return working;
}
