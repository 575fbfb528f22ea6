// The payments feature's forms as typed (amounts in rubles), before anything is sent. Neither has
// a card: it is typed on the acquirer's page (docs/decisions/011-card-on-the-acquirers-page.md).
import { Email } from "@lk/contract/fields";
import { ApplyAutoPaymentBody, PayBody } from "@lk/contract/payments";
import { formatAmount, parseRubles } from "@lk/domain";
import { z } from "zod";

/** An amount typed in rubles («1 234,56», «1234.5», «1234»), then the contract's limits in kopecks. */
export const rublesField = (kopecks: z.ZodNumber, empty: string) =>
  z
    .string()
    .transform((text, ctx) => {
      const parsed = parseRubles(text);
      if (parsed === null) {
        ctx.addIssue({ code: "custom", message: text.trim() ? "Введите сумму в рублях, например 1 234,56." : empty });
        return z.NEVER;
      }
      return parsed;
    })
    .pipe(kopecks);

/** «Оплата»: only the amount; the card is typed on the acquirer's page. */
export const PayForm = z.object({
  amount: rublesField(PayBody.shape.amountKopecks, "Укажите сумму."),
});
export type PayFormValues = z.input<typeof PayForm>;

/** The amount due, ready to pay; nothing when nothing is due (an advance is the customer's to choose). */
export const amountDue = (balanceKopecks: number) => (balanceKopecks > 0 ? formatAmount(balanceKopecks) : "");

/** «Подключение автоплатежа»: the maximum and the e-mail; the card is bound on the acquirer's page. */
export const AutopayForm = z.object({
  maxAmount: rublesField(ApplyAutoPaymentBody.shape.maxAmountKopecks, "Укажите максимальную сумму."),
  receiptEmail: Email,
});
export type AutopayFormValues = z.input<typeof AutopayForm>;
export type AutopayFormOutput = z.output<typeof AutopayForm>;
