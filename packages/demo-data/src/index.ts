// Demo data shared by the database seed and the mock API, so both worlds look alike.
export { DEMO_CUSTOMER } from "./customers.ts";
