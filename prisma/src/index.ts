export { DEMO_CUSTOMER, DEMO_OPERATOR } from "@lk/demo-data";
export * from "../generated/client.ts";
export { createDatabaseClient, type Database, type DatabaseOrTx, type PoolStats, poolStats } from "./client.ts";
export { describeDemoLinking } from "./demo-hints.ts";
export { type DatabaseHandle, openDatabase } from "./local.ts";
export { migrateDeploy } from "./migrate.ts";
export { hashPassword, verifyPassword } from "./passwords.ts";
export { seedDemo, workingDemoLogins } from "./seed.ts";
export { seedWorld } from "./world-seed.ts";
