import { createHmac } from "node:crypto";
import net from "node:net";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

/** The payment gateways this build can talk to; a real acquirer is added here and in acquirer/gateway-for.ts. */
const PAYMENT_ACQUIRERS = ["simulated"] as const;
export type PaymentAcquirer = (typeof PAYMENT_ACQUIRERS)[number];

/** The whole environment the API reads, validated once at start. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Any PostgreSQL. Unset: an embedded PostgreSQL 17 in .data/postgres. */
  DATABASE_URL: z.url().optional(),
  /** At least 32 characters. Unset in development: a random secret (sessions end on restart). */
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").optional(),
  /**
   * The secret the acquirer signs its callbacks with (HMAC-SHA256), 32+ characters. Unset: derived
   * from JWT_SECRET, so every instance of one deployment agrees without another setting.
   */
  ACQUIRER_SECRET: z.string().min(32, "ACQUIRER_SECRET must be at least 32 characters").optional(),
  /**
   * The payment gateway. `simulated` (the only one so far) is the built-in demo acquirer whose test
   * cards pay. Unset: simulated with the embedded development database; a deployment must name it.
   */
  PAYMENT_ACQUIRER: z
    .enum(PAYMENT_ACQUIRERS, {
      error: `PAYMENT_ACQUIRER must be one of: ${PAYMENT_ACQUIRERS.join(", ")} (the payment gateways this build has)`,
    })
    .optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  /** PEM files: when both are set the server speaks HTTPS (and sends HSTS). */
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  /** Mark cookies Secure even over HTTP (behind a TLS-terminating proxy). Defaults to "HTTPS is on". */
  COOKIE_SECURE: bool,
  /**
   * Which proxies' X-Forwarded-For to believe: their addresses or networks (`10.0.0.5,10.1.0.0/16`,
   * `loopback`). Never "true" (it believes whatever a client sends) and no hop count (it cannot
   * tell a proxy from a client that connects directly; Fastify 5 refuses to trust one).
   */
  TRUST_PROXY: z.string().optional(),
  /** Folder of the built SPA to serve with history fallback; unset: API only. */
  WEB_DIST: z.string().optional(),
  /** Apply pending migrations at start, and create the demo data. */
  AUTO_MIGRATE: bool,
  SEED_DEMO: bool,
  /** Demos and end-to-end runs: the app's clock stands still at this instant (ISO 8601 with offset). */
  CLOCK_FIXED_AT: z.iso.datetime({ offset: true }).optional(),
  /**
   * warn by default: errors, slow requests (SLOW_REQUEST_MS), reconciled payments and shutdowns;
   * info adds one line per request and per refused request (it costs CPU on every request).
   */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  /**
   * Where the per-route rate limits count: PostgreSQL (shared by every instance), Redis at
   * REDIS_URL (shared too, and off the database), or this process's memory (a single instance only).
   */
  RATE_LIMIT_STORE: z.enum(["postgres", "redis", "memory"]).default("postgres"),
  /** The Redis the rate limits count in with RATE_LIMIT_STORE=redis: redis://[:password@]host:port[/db]. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// or rediss:// address" }).optional(),
  /** Requests per minute per address on sign-in and registration. */
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Control-question answers per minute per address (on top of the per-account lock). */
  RATE_LIMIT_ANSWERS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Reading submissions per minute per address. */
  RATE_LIMIT_READINGS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Requests with documents a customer may file per hour (uploads cost disk and time). */
  RATE_LIMIT_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Payment attempts per minute per address. */
  RATE_LIMIT_PAYMENTS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Failed sign-ins per login in 15 minutes before that login is paused. */
  SIGN_IN_FAILURES_PER_LOGIN: z.coerce.number().int().min(1).default(10),
  /** Show the outbox at /dev/outbox (GET /api/dev/outbox). Default: only with the embedded database. */
  DEV_OUTBOX: bool,
  /** Where request documents are stored (outside the web root). Default: .data/uploads in the project. */
  UPLOAD_DIR: z.string().optional(),
  /** The address customers open, for links in e-mails (password reset). Default: the listening address. */
  PUBLIC_URL: z.url().optional(),
  /**
   * Shed load with 503 (and Retry-After) once the event loop lags this much, before latency
   * explodes for everyone (@fastify/under-pressure). 0 turns it off.
   */
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  /** On SIGTERM: how long readiness answers 503 before the instance stops taking requests. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  /**
   * Bearer token for GET /metrics (Prometheus). Unset: /metrics only with the embedded development
   * database; in a deployment it answers 404 until a token is set.
   */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** A request slower than this is logged at warn with its timing, whatever LOG_LEVEL. */
  SLOW_REQUEST_MS: z.coerce.number().int().min(1).default(1000),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config
  extends Omit<
    Env,
    | "TLS_CERT"
    | "TLS_KEY"
    | "COOKIE_SECURE"
    | "JWT_SECRET"
    | "DEV_OUTBOX"
    | "TRUST_PROXY"
    | "SEED_DEMO"
    | "ACQUIRER_SECRET"
    | "PAYMENT_ACQUIRER"
  > {
  devOutbox: boolean;
  /** Create the demo customers (with the passwords the README publishes) at start. */
  seedDemo: boolean;
  /** Whether SEED_DEMO was switched on by name (a demo on an external database). */
  seedDemoExplicit: boolean;
  /**
   * Runs where strangers can reach it: NODE_ENV=production or an external database. There the
   * server refuses to start while a published demo password works.
   */
  deployment: boolean;
  /**
   * Reachable from other machines: a deployment, or any server listening beyond this machine
   * (HOST other than loopback, e.g. 0.0.0.0 for a demo on the office network). Then the development
   * conveniences (the outbox page, the demo data) are off unless named, and the server refuses to
   * start while a published demo password works.
   */
  exposed: boolean;
  jwtSecret: string;
  /** The payment gateway (PAYMENT_ACQUIRER): acquirer/gateway-for.ts builds it. */
  acquirer: PaymentAcquirer;
  /** What the acquirer's callbacks are signed with (ACQUIRER_SECRET, or derived from the JWT secret). */
  acquirerSecret: string;
  tls?: { cert: string; key: string };
  cookieSecure: boolean;
  /** Fastify's trustProxy: nothing, or the proxies' addresses and networks. */
  trustProxy: false | string[];
}

export class ConfigError extends Error {}

const PROXY_PRESETS = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An address, a network in CIDR notation, or one of proxy-addr's names for reserved ranges. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_PRESETS.has(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY → Fastify's trustProxy, or why the value is refused. */
export function parseTrustProxy(value: string | undefined): false | string[] {
  const raw = value?.trim() ?? "";
  if (raw === "" || raw === "false" || raw === "0") return false;
  if (raw === "true" || /^\d+$/.test(raw)) {
    throw new ConfigError(
      `Invalid configuration: TRUST_PROXY=${raw} would believe an X-Forwarded-For a client sends (and so any ` +
        "address it likes for the rate limits). Set the addresses of your proxies instead: " +
        "TRUST_PROXY=10.0.0.5, a network TRUST_PROXY=10.0.0.0/24, or TRUST_PROXY=loopback for one on this machine.",
    );
  }
  const entries = raw.split(",").map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length) {
    throw new ConfigError(
      `Invalid configuration: TRUST_PROXY: not an address or network: ${bad.join(", ")} ` +
        "(expected e.g. 10.0.0.5,10.1.0.0/16 or loopback)",
    );
  }
  return entries;
}

/** The environment through a schema, or every wrong value in one message. */
function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/**
 * Development conveniences come with the embedded development database only; anything else is a
 * deployment, where a forgotten variable must leave them off (ARCHITECTURE.md, "safe by default").
 */
function isDeployment({ NODE_ENV, DATABASE_URL }: Pick<Env, "NODE_ENV" | "DATABASE_URL">): boolean {
  return NODE_ENV === "production" || Boolean(DATABASE_URL);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, readFile: (p: string) => string = () => ""): Config {
  const {
    TLS_CERT,
    TLS_KEY,
    COOKIE_SECURE,
    JWT_SECRET,
    DEV_OUTBOX,
    TRUST_PROXY,
    SEED_DEMO,
    ACQUIRER_SECRET,
    PAYMENT_ACQUIRER,
    ...rest
  } = parseEnv(EnvSchema, env);
  if (Boolean(TLS_CERT) !== Boolean(TLS_KEY))
    throw new ConfigError("Invalid configuration: set both TLS_CERT and TLS_KEY, or neither");
  if (rest.RATE_LIMIT_STORE === "redis" && !rest.REDIS_URL) {
    throw new ConfigError("Invalid configuration: RATE_LIMIT_STORE=redis needs REDIS_URL (redis://host:6379)");
  }
  const production = rest.NODE_ENV === "production";
  const embedded = !rest.DATABASE_URL;
  const deployment = isDeployment(rest);
  if (!JWT_SECRET && deployment) {
    throw new ConfigError(
      "Invalid configuration: JWT_SECRET is required in production and with an external DATABASE_URL " +
        "(every instance must sign with the same secret)",
    );
  }
  if (production) {
    const refused = [
      SEED_DEMO && "SEED_DEMO=true (the demo users' passwords are published)",
      DEV_OUTBOX && "DEV_OUTBOX=true (the outbox shows password-reset links to anyone)",
      rest.CLOCK_FIXED_AT && "CLOCK_FIXED_AT (a stopped clock never expires links, codes or locks)",
    ].filter(Boolean);
    if (refused.length) {
      throw new ConfigError(`Invalid configuration: not allowed with NODE_ENV=production: ${refused.join("; ")}`);
    }
  }
  const exposed = deployment || !isLoopback(rest.HOST);
  // The outbox page and the demo data, unless named: only on this machine's own development database.
  const devDefault = embedded && !production && !exposed;
  const acquirer = choosePaymentAcquirer(PAYMENT_ACQUIRER, deployment);
  const tls = TLS_CERT && TLS_KEY ? { cert: readFile(TLS_CERT), key: readFile(TLS_KEY) } : undefined;
  const jwtSecret = JWT_SECRET ?? randomSecret();
  return {
    ...rest,
    jwtSecret,
    acquirer,
    // A key of its own, not the JWT secret itself: a leaked callback secret forges no session.
    acquirerSecret:
      ACQUIRER_SECRET ?? createHmac("sha256", jwtSecret).update("lichny-kabinet/acquirer-callback").digest("base64url"),
    tls,
    // In production the cookies are Secure unless said otherwise: TLS usually ends at a proxy, and
    // a forgotten COOKIE_SECURE must not send the refresh cookie over plain HTTP.
    cookieSecure: COOKIE_SECURE ?? (Boolean(tls) || production),
    devOutbox: DEV_OUTBOX ?? devDefault,
    seedDemo: SEED_DEMO ?? devDefault,
    seedDemoExplicit: SEED_DEMO === true,
    deployment,
    exposed,
    trustProxy: parseTrustProxy(TRUST_PROXY),
  };
}

/**
 * PAYMENT_ACQUIRER, or why the server must not start. Outside a deployment the simulated acquirer
 * is the default (the demo pays with its test card). In a deployment there is no default: the
 * simulator's test card would lower real balances, so a forgotten setting must stop the server
 * rather than quietly give away electricity.
 *
 * `simulated` named explicitly is allowed even with NODE_ENV=production, unlike SEED_DEMO: this
 * build has no real acquirer yet, so a production-like staging stand (and the benchmark and
 * safe-defaults.test.ts, which run the app with NODE_ENV=production) has no other gateway to run with.
 * Naming it is a decision someone wrote down, not a forgotten one; in any deployment the server
 * then warns at start (SIMULATED_ACQUIRER_WARNING) and says so in its banner. Once a real acquirer
 * exists, refuse `simulated` with NODE_ENV=production here, beside SEED_DEMO.
 */
export function choosePaymentAcquirer(value: PaymentAcquirer | undefined, deployment: boolean): PaymentAcquirer {
  if (value) return value;
  if (deployment) {
    throw new ConfigError(
      "Invalid configuration: PAYMENT_ACQUIRER is required in production and with an external DATABASE_URL " +
        "(there is no default payment gateway there: the simulated acquirer accepts a test card and would lower " +
        "real balances). Set PAYMENT_ACQUIRER=simulated only for a demo or staging stand where payments are not real.",
    );
  }
  return "simulated";
}

/**
 * Only the payment gateway, by the same rules as loadConfig: for the jobs, which charge saved cards
 * but need none of the server's other settings (JWT_SECRET among them).
 */
export function loadPaymentAcquirer(env: NodeJS.ProcessEnv = process.env): PaymentAcquirer {
  const parsed = parseEnv(EnvSchema.pick({ NODE_ENV: true, DATABASE_URL: true, PAYMENT_ACQUIRER: true }), env);
  return choosePaymentAcquirer(parsed.PAYMENT_ACQUIRER, isDeployment(parsed));
}

/** What the server logs at start when a deployment runs on the simulated acquirer. */
export const SIMULATED_ACQUIRER_WARNING =
  "PAYMENT_ACQUIRER=simulated in a deployment: payments are simulated, the acquirer's test card pays and " +
  "balances drop as if paid. For a demo or staging stand only, never where customers pay for real.";

/** Whether HOST keeps the server to this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function randomSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString("base64url");
}
