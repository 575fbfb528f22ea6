import { randomUUID } from "node:crypto";
import path from "node:path";
import multipart from "@fastify/multipart";
import { errorBody, routes } from "@lk/contract";
import type { Database } from "@lk/db";
import Fastify, { type FastifyReply } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { gatewayFor } from "./acquirer/gateway-for.ts";
import { hostedPage } from "./acquirer/hosted-page.ts";
import { SimulatedAcquirer } from "./acquirer/simulated-acquirer.ts";
import type { Config } from "./config.ts";
import { accountRoutes } from "./features/accounts/routes.ts";
import { authRoutes } from "./features/auth/routes.ts";
import { isSessionActive } from "./features/auth/service.ts";
import { consumptionRoutes } from "./features/consumption/routes.ts";
import { outboxRoutes } from "./features/outbox/routes.ts";
import type { PaymentGateway } from "./features/payments/gateway.ts";
import { paymentRoutes } from "./features/payments/routes.ts";
import { profileRoutes } from "./features/profile/routes.ts";
import { readingRoutes } from "./features/readings/routes.ts";
import { requestRoutes } from "./features/requests/routes.ts";
import { type DocumentStorage, LocalFolderStorage } from "./features/requests/storage.ts";
import { type Lifecycle, systemRoutes } from "./features/system/routes.ts";
import { type Clock, systemClock } from "./lib/clock.ts";
import { contractSerializerCompiler } from "./lib/response-serializer.ts";
import { authentication } from "./plugins/authentication.ts";
import { refuseControlCharacters } from "./plugins/control-characters.ts";
import { docs } from "./plugins/docs.ts";
import { registerErrorHandling } from "./plugins/errors.ts";
import { loadShedding } from "./plugins/load-shedding.ts";
import { metrics } from "./plugins/metrics.ts";
import { answerRequestIds, OneLineLogController } from "./plugins/request-log.ts";
import { security } from "./plugins/security.ts";
import { web } from "./plugins/web.ts";

export interface AppDeps {
  config: Config;
  db: Database;
  clock?: Clock;
  /**
   * The acquirer; by default the one config.acquirer names (PAYMENT_ACQUIRER). The simulated one
   * also serves its own payment page.
   */
  gateway?: PaymentGateway;
  /** Where logs go (stdout by default); tests read them to prove secrets stay out. */
  logStream?: { write(line: string): void };
  /** Where request documents are kept; a local folder (UPLOAD_DIR) by default. */
  storage?: DocumentStorage;
  /** Set `draining` when the instance is about to stop: readiness answers 503 from then on. */
  lifecycle?: Lifecycle;
}

const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..");

/** Builds the whole API; `server.ts` listens, tests `inject`. */
export async function buildApp({
  config,
  db,
  clock = systemClock,
  logStream,
  gateway = gatewayFor(config.acquirer, { db, now: () => clock.now() }),
  storage = new LocalFolderStorage(config.UPLOAD_DIR ?? path.join(REPO_ROOT, ".data", "uploads")),
  lifecycle = { draining: false },
}: AppDeps) {
  const app = Fastify({
    // One line per request, written when it ends (plugins/request-log.ts), not two.
    logController: new OneLineLogController(config.SLOW_REQUEST_MS),
    // The balancer's X-Request-Id when it sends a sane one, else our own; answered back.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
    },
    logger: {
      level: config.LOG_LEVEL,
      // Tokens and cookies never reach the logs; bodies (passwords) are not logged at all.
      redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
      ...(logStream ? { stream: logStream } : {}),
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Errors the router raises before any route runs (a path parameter over 100 characters, a
    // malformed URL) leave in the contract's shape too.
    frameworkErrors: (error, _request, reply) => {
      const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH";
      const body = tooLong
        ? errorBody("URI_TOO_LONG")
        : errorBody("VALIDATION_FAILED", "Некорректный адрес запроса.", { location: "params" });
      (reply as FastifyReply).status(tooLong ? 414 : 400).send(body);
    },
    // Exactly the configured proxies (or hops), never any X-Forwarded-For (config.ts).
    trustProxy: config.trustProxy,
    ...(config.tls ? { https: { cert: config.tls.cert, key: config.tls.key } } : {}),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.decorate("checkResponsesAgainstContract", config.NODE_ENV !== "production");
  app.setSerializerCompiler(contractSerializerCompiler({ checkAgainstContract: app.checkResponsesAgainstContract }));
  // The API speaks JSON only (uploads add multipart where they need it).
  app.removeContentTypeParser("text/plain");
  registerErrorHandling(app);
  refuseControlCharacters(app);
  answerRequestIds(app);
  // Multipart only where a route says so (see lib/multipart.ts for the limits).
  await app.register(multipart);

  await app.register(metrics, { config, db });
  await app.register(security, { config, db });
  await app.register(loadShedding, { config });
  await app.register(authentication, { config, isSessionActive: (sid) => isSessionActive({ db, clock }, sid) });
  await app.register(docs);

  // Links in e-mails point at PUBLIC_URL, never at the Host header a request happened to carry.
  const publicUrl = () => {
    if (config.PUBLIC_URL) return config.PUBLIC_URL;
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const host = config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST;
    return `${config.tls ? "https" : "http"}://${host}:${port}`;
  };
  const authDeps = {
    db,
    clock,
    refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    signInFailuresPerLogin: config.SIGN_IN_FAILURES_PER_LOGIN,
    tokenKey: config.jwtSecret,
    publicUrl,
  };
  await app.register(async (api) => {
    systemRoutes(api, db, lifecycle);
    authRoutes(api, authDeps, config);
    accountRoutes(api, { db, clock }, config.RATE_LIMIT_ANSWERS_PER_MINUTE);
    readingRoutes(api, { db, clock }, config.RATE_LIMIT_READINGS_PER_MINUTE);
    consumptionRoutes(api, { db, clock });
    paymentRoutes(
      api,
      { db, clock, gateway, acquirerSecret: config.acquirerSecret },
      config.RATE_LIMIT_PAYMENTS_PER_MINUTE,
    );
    profileRoutes(api, authDeps, config);
    requestRoutes(api, { db, clock, storage }, config.RATE_LIMIT_UPLOADS_PER_HOUR);
    if (config.devOutbox) outboxRoutes(api, db);
  });

  // The simulated acquirer's page, apart from the API. It reports to the portal's callback route as
  // an acquirer would over the network; here the request goes through the same route in-process.
  if (gateway instanceof SimulatedAcquirer) {
    await app.register(hostedPage, {
      acquirer: gateway,
      secret: config.acquirerSecret,
      deliver: async (callback) =>
        (await app.inject({ method: "POST", url: routes.payments.acquirerCallback.path, payload: callback }))
          .statusCode === 200,
    });
  }
  if (config.WEB_DIST) await app.register(web, { root: config.WEB_DIST });
  return app;
}
