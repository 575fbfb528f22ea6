import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client.ts";

/** The longest a customer waits for an answer the server asked to be repeated later. */
const MAX_RETRY_AFTER_MS = 10_000;
/** How many times a request the server could not serve (503) is repeated by itself. */
const UNAVAILABLE_RETRIES = 3;

/**
 * The server could not serve the request just now and said when to ask again (503 with
 * Retry-After: the database away, an instance stopping, overload shed), within what a customer
 * will wait. A limit reached (429) is not: it is the customer's to wait out, and says so.
 */
function askedToRetry(error: unknown): error is ApiError & { retryAfterSeconds: number } {
  return (
    error instanceof ApiError &&
    error.status === 503 &&
    error.retryAfterSeconds !== undefined &&
    error.retryAfterSeconds * 1000 <= MAX_RETRY_AFTER_MS
  );
}

/**
 * Reads: a refusal (4xx) is never repeated; a dropped connection or a 5xx twice; a 503 with
 * Retry-After three times, and not at all when the wait it names is longer than a customer waits.
 */
export function retryRead(failures: number, error: unknown): boolean {
  if (askedToRetry(error)) return failures < UNAVAILABLE_RETRIES;
  if (error instanceof ApiError && error.retryAfterSeconds !== undefined) return false;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

/**
 * Changes are repeated only when repeating cannot do them twice: a request with an idempotency
 * key (a reading, a payment), and only when the server asked for it (503 with Retry-After).
 * Set as `retry` on those mutations alone; every other change shows the error instead.
 */
export function retryIdempotentChange(failures: number, error: unknown): boolean {
  return askedToRetry(error) && failures < UNAVAILABLE_RETRIES;
}

/** What a form says while a change waits to be sent again. */
export const RETRYING = "Сервер временно перегружен — отправим ещё раз через несколько секунд, ничего не потеряется.";

/** As long as the server asked (Retry-After), else React Query's own back-off (1 s, 2 s, 4 s…). */
export function retryDelay(failures: number, error: unknown): number {
  if (askedToRetry(error)) return error.retryAfterSeconds * 1000;
  return Math.min(1000 * 2 ** failures, 30_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: retryRead,
        retryDelay,
        refetchOnWindowFocus: false,
      },
      mutations: { retryDelay },
    },
  });
}
