import { type ErrorBody, errorBody, errorStatus, toFieldErrors } from "@lk/contract";
import { DomainError } from "@lk/domain";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "../lib/database-errors.ts";

const LOCATIONS = { body: "body", querystring: "query", params: "params", headers: "headers" } as const;

/** One place maps every failure to the contract's error shape; no stack trace leaves the server. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const [status, body] = toErrorResponse(error);
    if (status === 503) request.log.warn({ err: error }, "database unavailable");
    else if (status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: body.error.code }, "request refused");
    if (body.error.details?.retryAfterSeconds !== undefined) {
      reply.header("retry-after", String(body.error.details.retryAfterSeconds));
    }
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody("NOT_FOUND", `Адрес ${request.method} ${request.url.split("?")[0]} не найден.`));
  });
}

/** Seconds a client should wait before retrying when the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

function toErrorResponse(error: FastifyError): [number, ErrorBody] {
  if (isDatabaseUnavailable(error)) {
    return [503, errorBody("SERVICE_UNAVAILABLE", undefined, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS })];
  }
  if (error instanceof DomainError) {
    return [errorStatus[error.code], errorBody(error.code, error.customMessage, error.details)];
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = toFieldErrors(
      error.validation.map((issue) => ({
        path: issue.instancePath.split("/").filter(Boolean),
        code: issue.keyword,
        message: issue.message ?? "",
        keys: (issue.params as { keys?: string[] }).keys,
      })),
    );
    const location = LOCATIONS[error.validationContext as keyof typeof LOCATIONS];
    return [400, errorBody("VALIDATION_FAILED", undefined, { location, fields })];
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return [413, errorBody("PAYLOAD_TOO_LARGE")];
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return [
        415,
        errorBody("UNSUPPORTED_MEDIA_TYPE", "Отправьте данные в формате JSON (Content-Type: application/json)."),
      ];
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return [400, errorBody("VALIDATION_FAILED", "Тело запроса пустое.", { location: "body" })];
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return [400, errorBody("VALIDATION_FAILED", "Тело запроса не является корректным JSON.", { location: "body" })];
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return [400, errorBody("VALIDATION_FAILED", "Тело запроса не является корректным JSON.", { location: "body" })];
  }
  const status = error.statusCode ?? 500;
  if (status === 404) return [404, errorBody("NOT_FOUND")];
  if (status === 401) return [401, errorBody("UNAUTHORIZED")];
  if (status === 413) return [413, errorBody("PAYLOAD_TOO_LARGE")];
  if (status === 415) return [415, errorBody("UNSUPPORTED_MEDIA_TYPE")];
  if (status >= 400 && status < 500) return [400, errorBody("VALIDATION_FAILED", "Некорректный запрос.")];
  return [500, errorBody("INTERNAL_ERROR")];
}
