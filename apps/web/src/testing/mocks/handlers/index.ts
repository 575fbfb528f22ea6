import { authHandlers } from "./auth.ts";
import { systemHandlers } from "./system.ts";

/** Every contract route, answered in the browser. Later features add theirs here. */
export const handlers = [...authHandlers, ...systemHandlers];
