import { z } from "zod";
import ru from "zod/v4/locales/ru.js";

/**
 * Zod as every schema of the contract uses it, configured before the first one is built:
 * - its own messages (for anything a schema does not word itself) in Russian, on both sides;
 * - in a browser, no compiled parsers: zod would probe `new Function`, which the portal's CSP
 *   (`script-src 'self'`) forbids, and the browser reports even that caught probe as a violation.
 *   The server keeps the compiled parsers (they are faster and it has no CSP).
 * `jitless` is read when a schema is built, so this module must run before any schema: every
 * contract file takes `z` from here.
 */
z.config({ ...ru(), jitless: typeof document !== "undefined" });

export { z };
