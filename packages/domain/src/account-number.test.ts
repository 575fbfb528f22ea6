import { describe, expect, it } from "vitest";
import { accountTitle, matchesAccountNumberFormat, normalizeAccountNumber } from "./account-number.ts";

describe("account number formats", () => {
  it.each([
    ["\\d{10}", "1234567890", true],
    ["\\d{10}", "12345 67890", true],
    ["\\d{10}", "123456789", false],
    ["\\d{10}", "12345678901", false],
    ["\\d{10}", "12345678a0", false],
    ["\\d{3}-\\d{6}", "123-456789", true],
    ["\\d{3}-\\d{6}", "123456789", false],
    ["[А-Я]{2}\\d{8}", "эн12345678", true],
  ])("/%s/ %j → %s", (pattern, number, ok) => {
    expect(matchesAccountNumberFormat(number, pattern)).toBe(ok);
  });

  it("removes spaces and upper-cases", () => expect(normalizeAccountNumber(" эн 1234 5678 ")).toBe("ЭН12345678"));
});

it.each([
  [{ nickname: "Дача", number: "7700000001" }, "Дача"],
  [{ nickname: null, number: "7700000001" }, "Лицевой счёт № 7700000001"],
])("accountTitle(%j) is «%s»", (account, title) => {
  expect(accountTitle(account)).toBe(title);
});
