import { defineRoute } from "./route.ts";
import { z } from "./zod.ts";

export const Health = z.object({ status: z.literal("ok"), database: z.enum(["ok", "unavailable"]) });

export const healthRoutes = {
  health: defineRoute({
    method: "GET",
    path: "/api/health",
    summary: "Состояние сервиса и базы данных",
    tag: "Служебное",
    auth: false,
    status: 200,
    response: Health,
    errors: [],
  }),
};
