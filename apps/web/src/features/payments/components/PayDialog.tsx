import { zodResolver } from "@hookform/resolvers/zod";
import type { Payment } from "@lk/contract/payments";
import { formatKopecks, parseRubles } from "@lk/domain";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { applyApiError } from "../../../lib/form-errors.ts";
import { RETRYING } from "../../../lib/query-client.ts";
import { usePay, usePaymentOutcome } from "../api/pay.ts";
import { amountDue, CARD_PATHS, EMPTY_CARD, PayForm, type PayFormValues } from "../card-form.ts";
import { CardFieldset } from "./CardFieldset.tsx";
import { PaymentResult } from "./PaymentResult.tsx";

interface Props {
  accountId: string;
  balanceKopecks: number;
  onAccepted?: () => unknown;
  onClose: () => void;
}

const DEMO_NOTE =
  "Демо-шлюз: 4111 1111 1111 1111 — успешно, 4000 0000 0000 0002 — отказ банка, 4000 0000 0000 0119 — ответ задерживается.";

function amountHint(balanceKopecks: number): string {
  return balanceKopecks > 0
    ? `К оплате по лицевому счёту: ${formatKopecks(balanceKopecks)}. Можно внести и другую сумму.`
    : "Задолженности нет: внесённая сумма пойдёт в счёт будущих начислений.";
}

/**
 * One opening of «Оплата» (the dialog mounts it afresh each time). One idempotency key per attempt:
 * a retry after a lost answer or a double click sends the same key, so the bank takes the money
 * once; only «Попробовать ещё раз» after a decline starts a new attempt with a new key.
 */
function PayFlow({ accountId, balanceKopecks, onAccepted, onClose }: Props) {
  const [attemptKey, setAttemptKey] = useState(() => crypto.randomUUID());
  const [payment, setPayment] = useState<Payment | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const pay = usePay(accountId, { onAccepted });
  const settled = usePaymentOutcome(accountId, onAccepted);
  const form = useForm<PayFormValues, unknown, { amount: number; card: PayFormValues["card"] }>({
    resolver: zodResolver(PayForm),
    defaultValues: { amount: amountDue(balanceKopecks), card: EMPTY_CARD },
  });
  const { errors } = form.formState;
  const typed = parseRubles(useWatch({ control: form.control, name: "amount" }) ?? "");

  const onSubmit = form.handleSubmit(async ({ amount, card }) => {
    setFormError(null);
    try {
      setPayment(await pay.mutateAsync({ idempotencyKey: attemptKey, amountKopecks: amount, card }));
      // The card is not needed any more: it leaves the form (the dialog's state) at once.
      form.resetField("card.cvc");
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ["amount", ...CARD_PATHS], { amountKopecks: "amount" }));
    }
  });

  if (payment) {
    return (
      <PaymentResult
        accountId={accountId}
        payment={payment}
        onSettled={settled}
        onDone={onClose}
        onRetry={() => {
          setAttemptKey(crypto.randomUUID());
          setPayment(null);
          pay.reset();
        }}
      />
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="form pay-form">
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField
        label="Сумма, ₽"
        inputMode="decimal"
        autoComplete="off"
        hint={amountHint(balanceKopecks)}
        error={errors.amount?.message}
        data-autofocus
        autoFocus
        {...form.register("amount")}
      />
      <CardFieldset
        fields={{
          number: form.register("card.number"),
          expiry: form.register("card.expiry"),
          cvc: form.register("card.cvc"),
        }}
        errors={{
          number: errors.card?.number?.message,
          expiry: errors.card?.expiry?.message,
          cvc: errors.card?.cvc?.message,
        }}
      />
      <p className="pay-form__demo">{DEMO_NOTE}</p>
      {pay.isPending && pay.failureCount > 0 ? (
        <p className="alert alert--info" role="status">
          {RETRYING}
        </p>
      ) : null}
      <div className="dialog__actions">
        <Button type="submit" pending={pay.isPending}>
          {typed !== null && typed > 0 ? `Оплатить ${formatKopecks(typed)}` : "Оплатить"}
        </Button>
      </div>
    </form>
  );
}

/** «Оплатить»: the amount due (or another), the card, and the bank's answer, in one dialog. */
export function PayDialog({ open, ...props }: Props & { open: boolean }) {
  return (
    <Dialog open={open} onClose={props.onClose} title="Оплата">
      <PayFlow {...props} />
    </Dialog>
  );
}
