import { zodResolver } from "@hookform/resolvers/zod";
import { formatKopecks, parseRubles } from "@lk/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { applyApiError } from "../../../lib/form-errors.ts";
import { RETRYING } from "../../../lib/query-client.ts";
import { paymentQueryOptions } from "../api/get-payment.ts";
import { goToAcquirer, usePay, usePaymentOutcome } from "../api/pay.ts";
import { amountDue, PayForm, type PayFormValues } from "../payment-forms.ts";
import { PaymentResult } from "./PaymentResult.tsx";

interface Props {
  accountId: string;
  balanceKopecks: number;
  /** The acquirer's page sent the customer back with this payment: show what became of it. */
  returnedPaymentId?: string | null;
  onAccepted?: () => unknown;
  onClose: () => void;
}

function amountHint(balanceKopecks: number): string {
  return balanceKopecks > 0
    ? `К оплате по лицевому счёту: ${formatKopecks(balanceKopecks)}. Можно внести и другую сумму.`
    : "Задолженности нет: внесённая сумма пойдёт в счёт будущих начислений.";
}

/**
 * The amount, then the acquirer's page. One idempotency key per attempt: a retry after a lost
 * answer or a double click sends the same key and gets the same payment and page; only «Попробовать
 * ещё раз» after a decline starts a new attempt with a new key.
 */
function AmountForm({ accountId, balanceKopecks, onAccepted }: Props) {
  const [attemptKey] = useState(() => crypto.randomUUID());
  const [leaving, setLeaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const pay = usePay(accountId, { onAccepted });
  const form = useForm<PayFormValues, unknown, { amount: number }>({
    resolver: zodResolver(PayForm),
    defaultValues: { amount: amountDue(balanceKopecks) },
  });
  const { errors } = form.formState;
  const typed = parseRubles(useWatch({ control: form.control, name: "amount" }) ?? "");

  const onSubmit = form.handleSubmit(async ({ amount }) => {
    setFormError(null);
    try {
      const { confirmationUrl } = await pay.mutateAsync({ idempotencyKey: attemptKey, amountKopecks: amount });
      if (goToAcquirer(confirmationUrl)) setLeaving(true);
      else setFormError("Не удалось открыть страницу банка. Повторите попытку позже.");
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ["amount"], { amountKopecks: "amount" }));
    }
  });

  if (leaving) {
    return (
      <p className="payment-result__wait" role="status">
        <Spinner label="Открываем страницу банка…" /> Открываем страницу банка…
      </p>
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
      <p className="pay-form__demo">
        Данные карты вы введёте на защищённой странице банка (с подтверждением 3-D Secure): личный кабинет их не
        получает и не хранит. После оплаты банк вернёт вас сюда.
      </p>
      {pay.isPending && pay.failureCount > 0 ? (
        <p className="alert alert--info" role="status">
          {RETRYING}
        </p>
      ) : null}
      <div className="dialog__actions">
        <Button type="submit" pending={pay.isPending}>
          {typed !== null && typed > 0 ? `Перейти к оплате ${formatKopecks(typed)}` : "Перейти к оплате"}
        </Button>
      </div>
    </form>
  );
}

/** Back from the acquirer's page: the payment as the portal knows it, asked again while «в обработке». */
function Returned({ props, paymentId, onRetry }: { props: Props; paymentId: string; onRetry: () => void }) {
  const settled = usePaymentOutcome(props.accountId, props.onAccepted);
  const { data, isError } = useQuery(paymentQueryOptions(props.accountId, paymentId));
  if (isError) return <Alert>Не удалось узнать, что с платежом. Он появится в «История» → «Оплаты».</Alert>;
  if (!data) return <Spinner label="Узнаём, что с платежом…" />;
  return (
    <PaymentResult
      accountId={props.accountId}
      payment={data}
      onSettled={settled}
      onDone={props.onClose}
      onRetry={onRetry}
    />
  );
}

function PayFlow(props: Props) {
  const [returned, setReturned] = useState(props.returnedPaymentId ?? null);
  return returned ? (
    <Returned props={props} paymentId={returned} onRetry={() => setReturned(null)} />
  ) : (
    <AmountForm {...props} />
  );
}

/** «Оплатить»: the amount due (or another), the acquirer's page, and the bank's answer on return. */
export function PayDialog({ open, ...props }: Props & { open: boolean }) {
  return (
    <Dialog open={open} onClose={props.onClose} title="Оплата">
      <PayFlow {...props} />
    </Dialog>
  );
}
