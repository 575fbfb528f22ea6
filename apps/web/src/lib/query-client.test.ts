import { MutationObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-client.ts";
import { createQueryClient, retryIdempotentChange } from "./query-client.ts";

const unavailable = (seconds: number) =>
  new ApiError(503, "SERVICE_UNAVAILABLE", "Сервис временно недоступен.", [], { retryAfterSeconds: seconds });
const limited = new ApiError(429, "TOO_MANY_REQUESTS", "Слишком много попыток.", [], { retryAfterSeconds: 5 });

/** A request that fails with `errors` in turn, then answers "ok"; counts its calls. */
function flaky(...errors: Error[]) {
  const fn = vi.fn(async () => {
    const error = errors.shift();
    if (error) throw error;
    return "ok";
  });
  return fn;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("reads the server asked to repeat (503 with Retry-After)", () => {
  it("are repeated after the seconds it named, not before", async () => {
    const client = createQueryClient();
    const queryFn = flaky(unavailable(2), unavailable(2));
    const result = client.fetchQuery({ queryKey: ["page"], queryFn, retry: client.getDefaultOptions().queries?.retry });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(queryFn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(queryFn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(result).resolves.toBe("ok");
    expect(queryFn).toHaveBeenCalledTimes(3);
  });

  it("give up after three repeats, and a limit reached (429) or a refusal is never repeated", async () => {
    const client = createQueryClient();
    const retry = client.getDefaultOptions().queries?.retry;
    const down = flaky(unavailable(1), unavailable(1), unavailable(1), unavailable(1));
    const gaveUp = client.fetchQuery({ queryKey: ["down"], queryFn: down, retry }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await gaveUp).toMatchObject({ status: 503 });
    expect(down).toHaveBeenCalledTimes(4);
    for (const error of [limited, new ApiError(400, "VALIDATION_FAILED", "Проверьте поля.")]) {
      const once = flaky(error);
      const refused = client.fetchQuery({ queryKey: [error.code], queryFn: once, retry }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await refused).toBe(error);
      expect(once).toHaveBeenCalledTimes(1);
    }
  });

  it("are not repeated by themselves when the wait named is longer than a customer waits", async () => {
    const client = createQueryClient();
    const queryFn = flaky(unavailable(60));
    const result = client
      .fetchQuery({ queryKey: ["long"], queryFn, retry: client.getDefaultOptions().queries?.retry })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await result).toMatchObject({ retryAfterSeconds: 60 });
    expect(queryFn).toHaveBeenCalledTimes(1);
  });
});

describe("changes", () => {
  it("with an idempotency key are sent again with the same variables when the server asks", async () => {
    const client = createQueryClient();
    const mutationFn = vi.fn(async (body: { idempotencyKey: string }) => {
      if (mutationFn.mock.calls.length === 1) throw unavailable(1);
      return body.idempotencyKey;
    });
    const observer = new MutationObserver(client, { mutationFn, retry: retryIdempotentChange });
    const sent = observer.mutate({ idempotencyKey: "k-1" });
    await vi.advanceTimersByTimeAsync(999);
    expect(observer.getCurrentResult()).toMatchObject({ isPending: true, failureCount: 1 });
    await vi.advanceTimersByTimeAsync(1);
    await expect(sent).resolves.toBe("k-1");
    expect(mutationFn.mock.calls.map(([body]) => body)).toEqual([{ idempotencyKey: "k-1" }, { idempotencyKey: "k-1" }]);
  });

  it("without one are never repeated: the customer sees the error", async () => {
    const client = createQueryClient();
    const mutationFn = flaky(unavailable(1));
    const observer = new MutationObserver(client, { mutationFn });
    const sent = observer.mutate().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await sent).toMatchObject({ status: 503 });
    expect(mutationFn).toHaveBeenCalledTimes(1);
  });
});
