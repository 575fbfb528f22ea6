import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-client.ts";
import { isLinkWait, linkErrorMessage } from "./link-errors.ts";

describe("linking error wording", () => {
  it("a wrong answer says how many answers are left", () => {
    const error = new ApiError(422, "WRONG_ANSWER", "Ответ неверный.", [], { attemptsLeft: 3 });
    expect(linkErrorMessage(error)).toBe("Ответ неверный. Осталось попыток: 3.");
  });
  it("a lock says until when, in Moscow time", () => {
    const error = new ApiError(429, "LINK_LOCKED", "Превышено.", [], { lockedUntil: "2026-11-26T07:15:00.000Z" });
    expect(linkErrorMessage(error)).toBe(
      "Превышено число попыток. Подключить этот лицевой счёт можно будет после 26.11.2026 10:15 (мск).",
    );
  });
  it("a pause says the account had too many wrong answers, and until when, in Moscow time", () => {
    const error = new ApiError(429, "LINK_PAUSED", "Приостановлено.", [], { lockedUntil: "2026-11-21T09:00:00.000Z" });
    expect(linkErrorMessage(error)).toBe(
      "Подключение этого лицевого счёта временно приостановлено: по нему было слишком много неверных ответов на контрольный вопрос. Повторите после 21.11.2026 12:00 (мск).",
    );
    expect(linkErrorMessage(new ApiError(429, "LINK_PAUSED", "Приостановлено."))).toBe("Приостановлено.");
  });
  it("the daily limit over every account says so, and until when", () => {
    const error = new ApiError(429, "LINK_DAILY_LIMIT", "Лимит.", [], { lockedUntil: "2026-11-21T09:00:00.000Z" });
    expect(linkErrorMessage(error)).toBe(
      "Слишком много неверных ответов на контрольные вопросы за сутки. Подключать лицевые счета можно будет после 21.11.2026 12:00 (мск).",
    );
    expect(isLinkWait(error)).toBe(true);
  });
  it("falls back to the server's message without details, and leaves other errors alone", () => {
    expect(linkErrorMessage(new ApiError(429, "LINK_LOCKED", "Превышено."))).toBe("Превышено.");
    expect(linkErrorMessage(new ApiError(409, "ACCOUNT_ALREADY_LINKED", "Уже подключён."))).toBeNull();
    expect(linkErrorMessage(new Error("x"))).toBeNull();
  });
});
