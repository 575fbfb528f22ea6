import { describe, expect, it } from "vitest";
import {
  allowContactCode,
  CODE_ATTEMPTS,
  CODE_RESEND_MS,
  CODE_TTL_MS,
  CODES_PER_HOUR,
  CODES_PER_VALUE_PER_HOUR,
  codeRequestKind,
  contactTaken,
  waitText,
  wrongContactCode,
  yieldsToProof,
} from "./contact-codes.ts";
import { refusal } from "./testing/refusal.ts";

const now = new Date("2026-11-20T09:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("allowContactCode", () => {
  it("lets the first code out, valid for ten minutes", () => {
    expect(allowContactCode([], now, [])).toEqual({ expiresAt: new Date(now.getTime() + CODE_TTL_MS) });
  });

  it.each([
    [[ago(1_000)], 59],
    [[ago(30_000), ago(10 * 60_000)], 30],
    [[ago(59_001)], 1],
  ])("one a minute: codes sent %j wait %i s", (sentAt, seconds) => {
    const error = refusal(() => allowContactCode(sentAt, now, []));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.details?.retryAfterSeconds).toBe(seconds);
    expect(error.message).toBe(`Новый код можно запросить через ${seconds} с.`);
  });

  it(`${CODES_PER_HOUR} an hour: the sixth waits for the oldest of the five to age out, in minutes`, () => {
    const five = [50, 40, 30, 20, 10].map((m) => ago(m * 60_000));
    const error = refusal(() => allowContactCode(five, now, []));
    expect(error.details?.retryAfterSeconds).toBe(10 * 60);
    expect(error.message).toBe("Новый код можно запросить через 10 мин.");
  });

  it(`${CODES_PER_VALUE_PER_HOUR} an hour to one value, whoever asked: the next waits in the same words`, () => {
    const toValue = [55, 50, 45, 40, 35, 30, 25, 20, 15, 12].map((m) => ago(m * 60_000));
    const error = refusal(() => allowContactCode([], now, toValue));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.details?.retryAfterSeconds).toBe(5 * 60);
    expect(error.message).toBe("Новый код можно запросить через 5 мин.");
    expect(() => allowContactCode([], now, toValue.slice(1))).not.toThrow();
  });

  it("codes older than an hour and a minute-old one do not count", () => {
    const old = [70, 65, 62, 61, 61].map((m) => ago(m * 60_000));
    expect(() => allowContactCode([...old, ago(CODE_RESEND_MS)], now, [])).not.toThrow();
  });
});

describe("codeRequestKind", () => {
  it.each([
    ["a new value is a change", "new@lk.test", { value: "old@lk.test", confirmed: true }, "change"],
    [
      "the current unproved value is confirmed",
      "old@lk.test",
      { value: "old@lk.test", confirmed: false },
      "confirm-current",
    ],
    ["a first phone is a change", "+79990000000", { value: null, confirmed: false }, "change"],
  ] as const)("%s", (_, value, current, kind) => {
    expect(codeRequestKind("EMAIL", value, current)).toBe(kind);
  });

  it("refuses the current login already proved, on the value field", () => {
    const error = refusal(() => codeRequestKind("PHONE", "+7999", { value: "+7999", confirmed: true }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details?.fields).toEqual([{ path: "value", message: "Этот номер уже подтверждён." }]);
  });
});

describe("wrongContactCode", () => {
  it.each([1, 2, 3, 4])("after %i wrong tries the code stays open and says what is left", (used) => {
    const { close, error } = wrongContactCode(used);
    expect(close).toBe(false);
    expect(error.code).toBe("CODE_INVALID");
    expect(error.details?.attemptsLeft).toBe(CODE_ATTEMPTS - used);
    expect(error.message).toBe(`Неверный код. Осталось попыток: ${CODE_ATTEMPTS - used}.`);
  });

  it(`the ${CODE_ATTEMPTS}th wrong try closes it`, () => {
    const { close, error } = wrongContactCode(CODE_ATTEMPTS);
    expect(close).toBe(true);
    expect(error.code).toBe("CODE_EXPIRED");
  });
});

it.each([
  ["PHONE", false, true],
  ["PHONE", true, false],
  ["EMAIL", false, false],
  ["EMAIL", true, false],
] as const)("a %s held by another customer (proved: %s) yields to whoever proves it: %s", (kind, proved, yields) => {
  expect(yieldsToProof(kind, proved)).toBe(yields);
});

it("a taken login is refused with its kind's code", () => {
  expect(contactTaken("EMAIL").code).toBe("EMAIL_TAKEN");
  expect(contactTaken("PHONE").code).toBe("PHONE_TAKEN");
});

it.each([
  [59, "59 с."],
  [90, "90 с."],
  [91, "2 мин."],
  [3600, "60 мин."],
])("waitText(%i) is «%s»", (seconds, text) => {
  expect(waitText(seconds)).toBe(text);
});
