// Starts the API (and the built SPA when WEB_DIST is set). `buildApp` in app.ts is what tests use.
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import {
  createDatabaseClient,
  DEMO_CUSTOMER,
  DEMO_OPERATOR,
  describeDemoLinking,
  migrateDeploy,
  openDatabase,
  seedDemo,
  workingDemoLogins,
} from "@lk/db";
import closeWithGrace from "close-with-grace";
import { gatewayFor } from "./acquirer/gateway-for.ts";
import { buildApp } from "./app.ts";
import { ConfigError, loadConfig, SIMULATED_ACQUIRER_WARNING } from "./config.ts";
import { dispatchOutbox, OutboxOnlyTransport } from "./features/outbox/outbox.ts";
import { reconcilePayments } from "./features/payments/reconcile.ts";
import { fixedClock, systemClock } from "./lib/clock.ts";
import { withJobLock } from "./lib/job-lock.ts";

/** Where the limits count, as the start-up banner says it. */
const RATE_LIMIT_STORES = {
  postgres: "в PostgreSQL, общие для всех экземпляров",
  redis: "в Redis, общие для всех экземпляров",
  memory: "в памяти процесса — только для одного экземпляра",
} as const;

async function main() {
  const config = loadConfig(process.env, (file) => fs.readFileSync(file, "utf8"));
  const handle = await openDatabase();
  if (config.AUTO_MIGRATE) {
    const applied = await migrateDeploy(handle.url);
    if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);
  }
  const db = createDatabaseClient(handle.url, { poolSize: 20 });
  const clock = config.CLOCK_FIXED_AT ? fixedClock(config.CLOCK_FIXED_AT) : systemClock;
  if (config.seedDemo) await seedDemo(db, { now: clock.now() });
  // Open to strangers (production, an external database, or listening beyond this machine) without
  // a demo asked for by name: not while a password printed in the README opens an account.
  if (config.exposed && !(config.seedDemoExplicit && config.NODE_ENV !== "production")) {
    const demo = await workingDemoLogins(db);
    if (demo.length) {
      throw new ConfigError(
        `Отказ в запуске: в базе есть демо-вход с паролем из README (${demo.join(", ")}). ` +
          "Смените этим учётным записям пароль или удалите их, затем запустите снова" +
          (config.NODE_ENV === "production" ? "." : " (для демо-стенда: SEED_DEMO=true)."),
      );
    }
  }
  const lifecycle = { draining: false };
  const gateway = gatewayFor(config.acquirer, { db, now: () => clock.now() });
  const app = await buildApp({ config, db, clock, lifecycle, gateway });
  // Allowed by name for a staging stand (config.ts, choosePaymentAcquirer), but never quietly.
  const simulatedPayments = config.deployment && config.acquirer === "simulated";
  if (simulatedPayments) app.log.warn({ acquirer: config.acquirer }, SIMULATED_ACQUIRER_WARNING);
  // The outbox dispatcher: hands waiting mail and SMS to the transport. SMTP plugs in as a
  // MessageTransport; until then nothing leaves the machine and /dev/outbox shows what would have.
  const transport = new OutboxOnlyTransport();
  const dispatcher = setInterval(() => {
    dispatchOutbox(db, transport, () => clock.now(), app.log).then(
      () => app.appMetrics.jobRun("outbox-dispatch", "ok"),
      (error) => {
        app.appMetrics.jobRun("outbox-dispatch", "failed");
        app.log.error({ err: error }, "outbox dispatch failed");
      },
    );
  }, 2000);
  dispatcher.unref();
  // Payments left «в обработке» are asked about; one instance at a time.
  const reconciler = setInterval(() => {
    withJobLock(db, "reconcile-payments", () => reconcilePayments({ db, clock, gateway })).then(
      (run) => {
        app.appMetrics.jobRun("reconcile-payments", run.ran ? "ok" : "skipped");
        if (run.ran && run.result > 0) app.log.warn({ settled: run.result }, "payments reconciled");
      },
      (error) => {
        app.appMetrics.jobRun("reconcile-payments", "failed");
        app.log.warn({ err: error }, "payment reconciliation failed");
      },
    );
  }, 15_000);
  reconciler.unref();

  // SIGTERM/SIGINT: readiness turns 503 at once so the balancer stops sending requests; after
  // SHUTDOWN_DRAIN_MS the server stops accepting, finishes what it has (Fastify answers 503 to
  // anything new meanwhile), then the jobs and the database go. A second signal ends it at once.
  closeWithGrace({ delay: config.SHUTDOWN_DRAIN_MS + 15_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "stopping after an uncaught error");
    app.log.warn({ signal }, "draining");
    lifecycle.draining = true;
    clearInterval(dispatcher);
    clearInterval(reconciler);
    if (config.SHUTDOWN_DRAIN_MS > 0 && !err) await sleep(config.SHUTDOWN_DRAIN_MS);
    await app.close();
    await db.$disconnect();
    await handle.stop();
  });

  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `${config.tls ? "https" : "http"}://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${port}`;
  console.log(
    [
      "",
      `  Личный кабинет запущен: ${url}${config.WEB_DIST ? "" : " (только API)"}`,
      `  API и документация:     ${url}/api/docs`,
      `  База данных:            ${handle.description}`,
      `  Ограничения частоты:    ${RATE_LIMIT_STORES[config.RATE_LIMIT_STORE]}`,
      ...(simulatedPayments
        ? ["  Оплата:                 СИМУЛЯТОР эквайера, тестовая карта платит (PAYMENT_ACQUIRER=simulated)"]
        : []),
      ...(config.CLOCK_FIXED_AT ? [`  Часы остановлены на:    ${config.CLOCK_FIXED_AT}`] : []),
      ...(config.seedDemo
        ? [
            `  Демо-вход:              ${DEMO_CUSTOMER.email} / ${DEMO_CUSTOMER.password}`,
            `  Оператор (/operator):   ${DEMO_OPERATOR.email} / ${DEMO_OPERATOR.password}`,
            ...(config.devOutbox ? [`  Исходящие письма и SMS: ${url}/dev/outbox`] : []),
            ...describeDemoLinking(clock.now()),
          ]
        : config.exposed && config.NODE_ENV !== "production" && !config.DATABASE_URL
          ? [
              `  Демо-данные и /dev/outbox выключены: сервер доступен из сети (HOST=${config.HOST}).`,
              "  Для демо на стенде: SEED_DEMO=true DEV_OUTBOX=true (пароли демо-входов опубликованы в README).",
            ]
          : []),
      "",
    ].join("\n"),
  );
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
