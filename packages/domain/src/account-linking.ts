import type { SupplierSummary } from "@lk/contract/accounts";
import { matchesAccountNumberFormat, normalizeAccountNumber } from "./account-number.ts";
import { type ControlQuestionKind, controlQuestionText } from "./control-questions.ts";
import { DomainError, fieldRefusal } from "./domain-error.ts";

// «Подключить лицевой счёт» and «Удалить»: the refusals of the link dialog and of the list, the
// same for the API and the mock (the guessing budget is link-attempts.ts).

/** What the link dialog needs of a supplier to check a number. */
export interface AccountNumberRule {
  shortName: string;
  accountNumberPattern: string;
  accountNumberHint: string;
  accountNumberExample: string;
  controlQuestions: readonly ControlQuestionKind[];
}

/** The supplier id names none of the list (the dialog offers only theirs). */
export const unknownSupplier = (): DomainError => fieldRefusal("supplierId", "Выберите поставщика из списка.");

/** The number as stored, or a refusal naming the supplier's format with an example. */
export function checkedAccountNumber(supplier: AccountNumberRule, number: string): string {
  if (!matchesAccountNumberFormat(number, supplier.accountNumberPattern)) {
    throw fieldRefusal(
      "accountNumber",
      `Номер лицевого счёта ${supplier.shortName}: ${supplier.accountNumberHint}, например ${supplier.accountNumberExample}.`,
    );
  }
  return normalizeAccountNumber(number);
}

/** Only a question the supplier asks may be answered. */
export function requireOfferedQuestion(supplier: AccountNumberRule, question: ControlQuestionKind): void {
  if (!supplier.controlQuestions.includes(question)) {
    throw fieldRefusal("question", "Выберите контрольный вопрос из списка.");
  }
}

/** The supplier's questions with their wording, in the supplier's order. */
export const offeredQuestions = (kinds: readonly ControlQuestionKind[]) =>
  kinds.map((kind) => ({ kind, text: controlQuestionText[kind] }));

/** A supplier as the link dialog lists it. */
export function supplierView(s: AccountNumberRule & { id: string; name: string }): SupplierSummary {
  return {
    id: s.id,
    name: s.name,
    shortName: s.shortName,
    accountNumberExample: s.accountNumberExample,
    accountNumberHint: s.accountNumberHint,
    controlQuestions: offeredQuestions(s.controlQuestions),
  };
}

/** «Удалить»: the primary account stays while others are linked (another must become primary first). */
export function requireUnlinkable(isPrimary: boolean, linkedCount: number): void {
  if (isPrimary && linkedCount > 1) throw new DomainError("PRIMARY_ACCOUNT");
}
