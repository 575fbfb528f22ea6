// Demo data shared by the database seed and the mock API, so both worlds look alike.
export { DEMO_CUSTOMER, DEMO_LINKABLE_ACCOUNTS, DEMO_LINKED_ACCOUNTS, DEMO_OPERATOR } from "./customers.ts";
export { type LinkHints, linkHintsOf } from "./link-hints.ts";
export { Random, seedFor } from "./random.ts";
export * from "./suppliers.ts";
export * from "./world.ts";
