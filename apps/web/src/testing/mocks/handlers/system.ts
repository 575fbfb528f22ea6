import { routes } from "@lk/contract";
import { mockRoute } from "../contract-handler.ts";
import { authenticate } from "../mock-auth.ts";

// The mock has no database to lose: it is always alive and ready.
const ready = () => ({ status: "ok" as const, database: "ok" as const });

export const systemHandlers = [
  mockRoute(routes.system.live, () => ({ status: "ok" as const }), { authenticate }),
  mockRoute(routes.system.ready, ready, { authenticate }),
  mockRoute(routes.system.health, ready, { authenticate }),
];
