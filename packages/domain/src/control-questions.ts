import { parseRubles } from "./money.ts";

export type ControlQuestionKind = "BILL_TOTAL" | "METER_SERIAL" | "LAST_PAYMENT";

/** The questions' wording, as the supplier's portal asks them. */
export const controlQuestionText: Record<ControlQuestionKind, string> = {
  BILL_TOTAL:
    "Введите сумму «Итого по счёту» или «Итого переплата», указанную в любой из квитанций за последние 6 месяцев, отделив копейки запятой.",
  METER_SERIAL: "Введите заводской номер любого прибора учёта, установленного по этому лицевому счёту.",
  LAST_PAYMENT: "Введите сумму последнего платежа по лицевому счёту, отделив копейки запятой.",
};

/** What the account holds that proves the customer has its papers. */
export interface AccountEvidence {
  /** Bill totals of the last 6 months, kopecks; negative is an overpayment. */
  recentBillTotals: number[];
  meterSerials: string[];
  /** The last accepted payment, kopecks, if any. */
  lastPayment: number | null;
}

function normalizeSerial(serial: string): string {
  return serial.replace(/[\s\u00a0\-–—№#]/g, "").toUpperCase();
}

/**
 * Whether an answer is right. A bill total matches to the kopeck in any spelling («1 234,56»,
 * «1234.56»); an overpayment is printed without a minus, so either sign matches it.
 */
export function isCorrectAnswer(kind: ControlQuestionKind, answer: string, evidence: AccountEvidence): boolean {
  switch (kind) {
    case "BILL_TOTAL": {
      const amount = parseRubles(answer);
      return amount !== null && evidence.recentBillTotals.some((total) => Math.abs(total) === Math.abs(amount));
    }
    case "LAST_PAYMENT": {
      const amount = parseRubles(answer);
      return amount !== null && evidence.lastPayment !== null && amount === evidence.lastPayment;
    }
    case "METER_SERIAL": {
      const typed = normalizeSerial(answer);
      return typed.length > 0 && evidence.meterSerials.some((serial) => normalizeSerial(serial) === typed);
    }
  }
}
