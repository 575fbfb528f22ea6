import { routes } from "@lk/contract";
import { mockRoute } from "../contract-handler.ts";
import { authenticate } from "../mock-auth.ts";

export const systemHandlers = [
  mockRoute(routes.system.health, () => ({ status: "ok" as const, database: "ok" as const }), { authenticate }),
];
