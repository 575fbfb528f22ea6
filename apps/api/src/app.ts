import type { Database } from "@lk/db";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import { accountRoutes } from "./features/accounts/routes.ts";
import { authRoutes } from "./features/auth/routes.ts";
import { isSessionActive } from "./features/auth/service.ts";
import { consumptionRoutes } from "./features/consumption/routes.ts";
import { type PaymentGateway, SimulatedGateway } from "./features/payments/gateway.ts";
import { paymentRoutes } from "./features/payments/routes.ts";
import { readingRoutes } from "./features/readings/routes.ts";
import { systemRoutes } from "./features/system/routes.ts";
import { type Clock, systemClock } from "./lib/clock.ts";
import { authentication } from "./plugins/authentication.ts";
import { docs } from "./plugins/docs.ts";
import { registerErrorHandling } from "./plugins/errors.ts";
import { security } from "./plugins/security.ts";
import { web } from "./plugins/web.ts";

export interface AppDeps {
  config: Config;
  db: Database;
  clock?: Clock;
  /** The acquirer; the simulated one by default (demo, tests). */
  gateway?: PaymentGateway;
  /** Where logs go (stdout by default); tests read them to prove secrets stay out. */
  logStream?: { write(line: string): void };
}

/** Builds the whole API; `server.ts` listens, tests `inject`. */
export async function buildApp({
  config,
  db,
  clock = systemClock,
  logStream,
  gateway = new SimulatedGateway(() => clock.now().getTime()),
}: AppDeps) {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      // Tokens and cookies never reach the logs; bodies (passwords) are not logged at all.
      redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
      ...(logStream ? { stream: logStream } : {}),
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY ?? false,
    ...(config.tls ? { https: { cert: config.tls.cert, key: config.tls.key } } : {}),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only (uploads add multipart where they need it).
  app.removeContentTypeParser("text/plain");
  registerErrorHandling(app);

  await app.register(security, { config });
  await app.register(authentication, { config, isSessionActive: (sid) => isSessionActive({ db, clock }, sid) });
  await app.register(docs);

  const authDeps = {
    db,
    clock,
    refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    signInFailuresPerLogin: config.SIGN_IN_FAILURES_PER_LOGIN,
  };
  await app.register(async (api) => {
    systemRoutes(api, db);
    authRoutes(api, authDeps, config);
    accountRoutes(api, { db, clock }, config.RATE_LIMIT_ANSWERS_PER_MINUTE);
    readingRoutes(api, { db, clock }, config.RATE_LIMIT_READINGS_PER_MINUTE);
    consumptionRoutes(api, { db, clock });
    paymentRoutes(api, { db, clock, gateway }, config.RATE_LIMIT_PAYMENTS_PER_MINUTE);
  });

  if (config.WEB_DIST) await app.register(web, { root: config.WEB_DIST });
  return app;
}
