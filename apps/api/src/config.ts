import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

/** The whole environment the API reads, validated once at start. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Any PostgreSQL. Unset: an embedded PostgreSQL 17 in .data/postgres. */
  DATABASE_URL: z.url().optional(),
  /** At least 32 characters. Unset in development: a random secret (sessions end on restart). */
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  /** PEM files: when both are set the server speaks HTTPS (and sends HSTS). */
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  /** Mark cookies Secure even over HTTP (behind a TLS-terminating proxy). Defaults to "HTTPS is on". */
  COOKIE_SECURE: bool,
  TRUST_PROXY: bool,
  /** Folder of the built SPA to serve with history fallback; unset: API only. */
  WEB_DIST: z.string().optional(),
  /** Apply pending migrations at start, and create the demo data. */
  AUTO_MIGRATE: bool,
  SEED_DEMO: bool,
  /** Demos and end-to-end runs: the app's clock stands still at this instant (ISO 8601 with offset). */
  CLOCK_FIXED_AT: z.iso.datetime({ offset: true }).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Requests per minute per address on sign-in and registration. */
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Control-question answers per minute per address (on top of the per-account lock). */
  RATE_LIMIT_ANSWERS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Reading submissions per minute per address. */
  RATE_LIMIT_READINGS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Payment attempts per minute per address. */
  RATE_LIMIT_PAYMENTS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Failed sign-ins per login in 15 minutes before that login is paused. */
  SIGN_IN_FAILURES_PER_LOGIN: z.coerce.number().int().min(1).default(10),
  /** Show the outbox at /dev/outbox (GET /api/dev/outbox). Default: on unless NODE_ENV=production. */
  DEV_OUTBOX: bool,
  /** Where request documents are stored (outside the web root). Default: .data/uploads in the project. */
  UPLOAD_DIR: z.string().optional(),
  /** The address customers open, for links in e-mails (password reset). Default: the listening address. */
  PUBLIC_URL: z.url().optional(),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Omit<Env, "TLS_CERT" | "TLS_KEY" | "COOKIE_SECURE" | "JWT_SECRET" | "DEV_OUTBOX"> {
  devOutbox: boolean;
  jwtSecret: string;
  tls?: { cert: string; key: string };
  cookieSecure: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, readFile: (p: string) => string = () => ""): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const { TLS_CERT, TLS_KEY, COOKIE_SECURE, JWT_SECRET, DEV_OUTBOX, ...rest } = parsed.data;
  if (Boolean(TLS_CERT) !== Boolean(TLS_KEY))
    throw new ConfigError("Invalid configuration: set both TLS_CERT and TLS_KEY, or neither");
  if (!JWT_SECRET && rest.NODE_ENV === "production")
    throw new ConfigError("Invalid configuration: JWT_SECRET is required in production");
  const tls = TLS_CERT && TLS_KEY ? { cert: readFile(TLS_CERT), key: readFile(TLS_KEY) } : undefined;
  return {
    ...rest,
    jwtSecret: JWT_SECRET ?? randomSecret(),
    tls,
    cookieSecure: COOKIE_SECURE ?? Boolean(tls),
    devOutbox: DEV_OUTBOX ?? rest.NODE_ENV !== "production",
  };
}

function randomSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString("base64url");
}
