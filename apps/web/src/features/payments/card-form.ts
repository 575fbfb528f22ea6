import { Email } from "@lk/contract/fields";
import { ApplyAutoPaymentBody, CardInput, PayBody } from "@lk/contract/payments";
import { formatAmount, parseRubles } from "@lk/domain";
import { z } from "zod";

/** «1228», «12 / 28» → «12/28»: people type the date as it is printed, or without the slash. */
export function normalizeExpiry(text: string): string {
  const compact = text.replace(/\s/g, "");
  return /^\d{4}$/.test(compact) ? `${compact.slice(0, 2)}/${compact.slice(2)}` : compact;
}

/** The card as typed; the contract's rules and messages, after the customer's spacing is taken out. */
export const CardFields = z.object({
  number: CardInput.shape.number,
  expiry: z.string().transform(normalizeExpiry).pipe(CardInput.shape.expiry),
  cvc: z.string().trim().pipe(CardInput.shape.cvc),
});
export type CardValues = z.input<typeof CardFields>;
export const EMPTY_CARD: CardValues = { number: "", expiry: "", cvc: "" };
export const CARD_PATHS = ["card.number", "card.expiry", "card.cvc"] as const;

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

export const AutopayForm = z.object({
  card: CardFields,
  maxAmount: rublesField(ApplyAutoPaymentBody.shape.maxAmountKopecks, "Укажите максимальную сумму."),
  receiptEmail: Email,
});
export type AutopayFormValues = z.input<typeof AutopayForm>;
export type AutopayFormOutput = z.output<typeof AutopayForm>;
