export { DEMO_CUSTOMER } from "@lk/demo-data";
export * from "../generated/client.ts";
export { createDatabaseClient, type Database } from "./client.ts";
export { type DatabaseHandle, openDatabase } from "./local.ts";
export { migrateDeploy } from "./migrate.ts";
export { hashPassword, verifyPassword } from "./passwords.ts";
export { seedDemo } from "./seed.ts";
