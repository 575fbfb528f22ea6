import underPressure from "@fastify/under-pressure";
import { DomainError } from "@lk/domain";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config.ts";

const RETRY_AFTER_SECONDS = 5;

/**
 * Overload is shed with 503 and Retry-After while the event loop lags, so the requests it does take
 * stay fast and a balancer sends the rest elsewhere. Liveness is exempt: a busy process is alive.
 */
export const loadShedding = fp<{ config: Config }>(async (app: FastifyInstance, { config }) => {
  if (config.MAX_EVENT_LOOP_DELAY_MS === 0) return;
  await app.register(underPressure, {
    maxEventLoopDelay: config.MAX_EVENT_LOOP_DELAY_MS,
    sampleInterval: 250,
    // A rejection goes to the error handler (the contract's shape, Retry-After); nothing lets it through.
    pressureHandler: async (request) => {
      if (request.url === "/api/health/live") return;
      throw new DomainError("SERVICE_UNAVAILABLE", "Сервис перегружен. Повторите через несколько секунд.", {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    },
  });
});
