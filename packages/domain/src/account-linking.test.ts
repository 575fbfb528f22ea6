import { describe, expect, it } from "vitest";
import {
  checkedAccountNumber,
  offeredQuestions,
  requireOfferedQuestion,
  requireUnlinkable,
  supplierView,
  unknownSupplier,
} from "./account-linking.ts";
import { controlQuestionText } from "./control-questions.ts";
import { linkAnswerRefusal, linkWaitRefusal, requireProvedContact } from "./link-attempts.ts";

const supplier = {
  id: "s1",
  name: "АО «Мосэнергосбыт»",
  shortName: "Мосэнергосбыт",
  accountNumberPattern: "\\d{5}-\\d{3}-\\d{2}",
  accountNumberHint: "10 цифр в формате 00000-000-00",
  accountNumberExample: "12345-678-90",
  controlQuestions: ["BILL_TOTAL", "METER_SERIAL"] as const,
};

describe("checkedAccountNumber", () => {
  it("returns the number as stored", () => {
    expect(checkedAccountNumber(supplier, " 12345-678-90 ")).toBe("12345-678-90");
  });
  it("refuses another format on the number's field, naming the supplier's with an example", () => {
    expect(() => checkedAccountNumber(supplier, "1234567890")).toThrow(
      expect.objectContaining({
        code: "VALIDATION_FAILED",
        details: {
          location: "body",
          fields: [
            {
              path: "accountNumber",
              message: "Номер лицевого счёта Мосэнергосбыт: 10 цифр в формате 00000-000-00, например 12345-678-90.",
            },
          ],
        },
      }),
    );
  });
});

it("only the supplier's questions may be answered", () => {
  expect(() => requireOfferedQuestion(supplier, "METER_SERIAL")).not.toThrow();
  expect(() => requireOfferedQuestion(supplier, "LAST_PAYMENT")).toThrow(
    expect.objectContaining({
      details: expect.objectContaining({ fields: [expect.objectContaining({ path: "question" })] }),
    }),
  );
  expect(unknownSupplier().details?.fields?.[0]?.path).toBe("supplierId");
});

it("a supplier is listed with its questions worded, in its order", () => {
  expect(supplierView(supplier).controlQuestions).toEqual([
    { kind: "BILL_TOTAL", text: controlQuestionText.BILL_TOTAL },
    { kind: "METER_SERIAL", text: controlQuestionText.METER_SERIAL },
  ]);
  expect(offeredQuestions([])).toEqual([]);
});

it.each([
  [true, 2, "PRIMARY_ACCOUNT"],
  [true, 1, null],
  [false, 3, null],
])("unlinking: primary %s of %i linked → %s", (isPrimary, count, code) => {
  if (code) expect(() => requireUnlinkable(isPrimary, count)).toThrow(expect.objectContaining({ code }));
  else expect(() => requireUnlinkable(isPrimary, count)).not.toThrow();
});

describe("link refusals", () => {
  const until = new Date("2026-11-21T09:00:00Z");
  it.each([
    [{ status: "locked", until } as const, "LINK_LOCKED"],
    [{ status: "paused", until } as const, "LINK_PAUSED"],
  ])("%j waits: %s with when it lifts", (standing, code) => {
    const error = linkWaitRefusal(standing);
    expect(error.code).toBe(code);
    expect(error.details).toEqual({ attemptsLeft: 0, lockedUntil: until.toISOString() });
    expect(linkAnswerRefusal(standing).code).toBe(code);
  });
  it("a wrong answer says how many tries are left", () => {
    const error = linkAnswerRefusal({ status: "open", attemptsLeft: 3 });
    expect([error.code, error.message, error.details?.attemptsLeft]).toEqual([
      "WRONG_ANSWER",
      "Ответ неверный. Осталось попыток: 3.",
      3,
    ]);
  });
  it("only a proved login may link", () => {
    expect(() => requireProvedContact(false)).toThrow(expect.objectContaining({ code: "CONTACT_NOT_CONFIRMED" }));
    expect(() => requireProvedContact(true)).not.toThrow();
  });
});
