export { createDatabaseClient, type Database } from "./client.ts";
export { DEMO_CUSTOMER } from "./demo.ts";
export { openDatabase, type DatabaseHandle } from "./local.ts";
export { migrateDeploy } from "./migrate.ts";
export { hashPassword, verifyPassword } from "./passwords.ts";
export { seedDemo } from "./seed.ts";
export * from "../generated/client.ts";
